# SPDX-License-Identifier: EUPL-1.2
"""Login in two steps: password (django-axes counts failures), then TOTP (django-otp)."""

from __future__ import annotations

from typing import Any

import segno
from django.contrib import auth
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.views import LoginView
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import devices_for_user
from django_otp import login as otp_login

from wijkteam.audit.models import Action, Outcome
from wijkteam.audit.services import record
from wijkteam.core.access_rules import public, signed_in

from . import services
from .decorators import require
from .forms import LoginForm, TokenForm
from .permissions import may_use_werkomgeving, otp_verified


def _next_url(request: HttpRequest) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(candidate, allowed_hosts={request.get_host()}, require_https=False):
        return candidate
    return reverse("accounts:werkomgeving")


@public("the login page")
class WijkteamLoginView(LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = False

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        user = form.get_user()
        auth.login(self.request, user)
        if user.needs_two_factor:
            record(self.request, Action.LOGIN, object_type="accounts.user", object_id=user.pk,
                   detail={"step": "password"})
            step = "accounts:two_factor" if any(devices_for_user(user)) else "accounts:two_factor_setup"
            return redirect(reverse(step) + "?next=" + _next_url(self.request))
        record(self.request, Action.LOGIN, object_type="accounts.user", object_id=user.pk)
        return HttpResponseRedirect(_next_url(self.request))

    def form_invalid(self, form: AuthenticationForm) -> HttpResponse:
        record(self.request, Action.LOGIN_FAILED, outcome=Outcome.FAILURE,
               username=str(self.request.POST.get("username", ""))[:150], detail={"step": "password"})
        return super().form_invalid(form)


def _require_password_step(request: HttpRequest) -> HttpResponse | None:
    if not request.user.is_authenticated:
        return redirect("accounts:login")
    if otp_verified(request.user):
        return HttpResponseRedirect(_next_url(request))
    return None


@signed_in("second login step; sends anyone without the password step to the login page")
def two_factor(request: HttpRequest) -> HttpResponse:
    if (early := _require_password_step(request)) is not None:
        return early
    user = request.user
    devices = list(devices_for_user(user))
    if not devices:
        return redirect("accounts:two_factor_setup")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        token = form.cleaned_data["token"]
        device = next((d for d in devices if d.verify_token(token)), None)
        if device is not None:
            otp_login(request, device)
            record(request, Action.LOGIN, object_type="accounts.user", object_id=user.pk, detail={"step": "otp"})
            return HttpResponseRedirect(_next_url(request))
        record(request, Action.LOGIN_FAILED, outcome=Outcome.FAILURE, object_type="accounts.user",
               object_id=user.pk, detail={"step": "otp"})
        form.add_error("token", _("Deze code klopt niet of is verlopen. Probeer de nieuwste code."))
    return render(request, "accounts/two_factor.html", {"form": form, "next": _next_url(request)},
                  status=400 if form.errors else 200)


def _enrolment_closed(request: HttpRequest) -> HttpResponse:
    """No enrolment window (never opened, passed, or closed by enrolling): only a beheerder can open one."""
    record(request, Action.LOGIN_FAILED, outcome=Outcome.FAILURE, object_type="accounts.user",
           object_id=request.user.pk, detail={"step": "otp_setup", "reason": "enrolment_window_closed"})
    return render(request, "accounts/two_factor_setup_closed.html", status=403)


@signed_in("setting up the second factor after the password step")
def two_factor_setup(request: HttpRequest) -> HttpResponse:
    if (early := _require_password_step(request)) is not None:
        return early
    user = request.user
    if any(devices_for_user(user)):
        return redirect("accounts:two_factor")
    # Binding an authenticator only inside a window a beheerder opened (services.py): knowing the password
    # is not enough to bind one's own phone.
    if not services.enrolment_is_open(user):  # type: ignore[arg-type]
        return _enrolment_closed(request)
    try:
        device = services.pending_totp_device(user)  # type: ignore[arg-type]
        form = TokenForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            if services.confirm_totp_device(device, form.cleaned_data["token"]):
                otp_login(request, device)
                record(request, Action.CREATE, object_type="otp_totp.totpdevice", object_id=device.pk)
                record(request, Action.LOGIN, object_type="accounts.user", object_id=user.pk,
                       detail={"step": "otp"})
                return HttpResponseRedirect(_next_url(request))
            form.add_error("token", _("Deze code klopt niet. Controleer of de tijd op je telefoon goed staat."))
    except services.EnrolmentClosed:  # the window passed between the check above and here
        return _enrolment_closed(request)
    qr_svg = segno.make(device.config_url, error="m").svg_inline(scale=5, dark="#000", light="#fff")
    context: dict[str, Any] = {
        "form": form,
        "qr_svg": qr_svg,
        "secret": services.base32_secret(device),
        "next": _next_url(request),
    }
    return render(request, "accounts/two_factor_setup.html", context, status=400 if form.errors else 200)


@public("logging out; without a session it only redirects")
@require_POST
def logout(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        record(request, Action.LOGOUT, object_type="accounts.user", object_id=request.user.pk)
    auth.logout(request)
    return redirect("core:home")


@require(may_use_werkomgeving)
def werkomgeving(request: HttpRequest) -> HttpResponse:
    """The staff home page, where everyone lands after logging in."""
    return render(request, "accounts/werkomgeving.html")
