# SPDX-License-Identifier: EUPL-1.2
"""View guard: anonymous users go to the login page; logged-in users without the right get 403, logged."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.http.response import HttpResponseBase

from wijkteam.audit.models import Action, Outcome
from wijkteam.audit.services import record
from wijkteam.core.access_rules import AccessRule, Kind, Scope, mark


def deny(request: HttpRequest, **audit: Any) -> PermissionDenied:
    """Record the refusal in the audit trail and return the exception to raise."""
    record(request, Action.DENIED, outcome=Outcome.DENIED, **audit)
    return PermissionDenied()


View = Callable[..., HttpResponseBase]


def require(check: Callable[[Any], bool], *, scope: Scope | None = None) -> Callable[[View], View]:
    """Role check for a view; `scope` names the object-level check the view does through an access helper.

    The rule is recorded on the view (access_rules), so the URL walker and role matrix can read it.
    """
    rule = AccessRule(Kind.REQUIRE, check=check, scope=scope)

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not check(request.user):
                raise deny(request, object_type="view", object_id=request.resolver_match.view_name
                           if request.resolver_match else "")
            return view(request, *args, **kwargs)

        return mark(wrapped, rule)

    return decorator
