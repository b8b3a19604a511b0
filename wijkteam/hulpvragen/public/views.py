# SPDX-License-Identifier: EUPL-1.2
"""The residents' door to the wijkteam at /hulp/: the anonymous self-help "Wat speelt er?" and the
help request form.

Public pages, B1 Dutch, every one works without JavaScript. No page here writes to the session
(so no session cookie is ever set for a resident) and none is cached by a browser or proxy: the
answers and the request are the resident's own business.

- "Wat speelt er?" stores nothing. Each step is a POST of the whole questionnaire so far (hidden
  fields for the steps not on screen); nothing is logged, not even that someone filled it in.
- The request form stores exactly one request through `hulpvragen.services.create_request`, and only
  after the spam and flood checks of `protection.py` pass. It logs the request's id, never what the
  resident wrote.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import structlog
from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from wijkteam.core.access_rules import public
from wijkteam.core.forms import add_service_errors
from wijkteam.gebieden.postcodes import try_normalise_postcode
from wijkteam.hulpvragen.models import LEVENSDOMEINEN, Kanaal
from wijkteam.hulpvragen.services import (
    Aanvrager,
    AdresInvoer,
    Contact,
    create_request,
    reactie_uiterlijk,
    reactie_werkdagen,
)

from . import protection
from . import questionnaire as q
from .forms import FROM_SELF_HELP, MAX_VRAAG, PURPOSES, RequestForm
from .nearby import postcode_is_known, provisions_per_domain, teams_for_postcode
from .protection import HONEYPOT_FIELD, TOKEN_FIELD, Verdict, new_token

log = structlog.get_logger(__name__)


@public("the residents' door to the wijkteam: what there is and how to ask for help")
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    return render(request, "hulpvragen/public/index.html", {})


# --- "Wat speelt er?" --------------------------------------------------------------------------


@public("anonymous self-help: nothing is stored, the answers travel in the resident's own POST")
@never_cache
@require_http_methods(["GET", "POST"])
def self_help(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        return render(request, "hulpvragen/public/zelftest_start.html", {"steps": q.STEPS, "total": q.LAST_STEP})
    answers = q.Answers.from_post(request.POST)
    target = q.target_step(request.POST)
    if target == q.RESULTS and not answers.postcode_invalid:
        return _results(request, answers)
    if target == q.RESULTS or target == q.PLACE_STEP:
        return render(request, "hulpvragen/public/zelftest_plaats.html", {
            **_step_context(answers, q.PLACE_STEP),
            "postcode_error": answers.postcode_invalid and target == q.RESULTS,
        })
    number = int(target)
    current = q.step(number)
    assert current is not None  # target_step keeps the number within the questionnaire
    return render(request, "hulpvragen/public/zelftest_stap.html", {
        **_step_context(answers, number),
        "step": current,
        "questions": [(question, answers.given.get(question.key, "")) for question in current.questions],
        "choices": q.CHOICES,
    })


def _step_context(answers: q.Answers, number: int) -> dict[str, Any]:
    return {
        "number": number,
        "total": q.LAST_STEP,
        "previous": number - 1 if number > 1 else None,
        "next": number + 1,
        "hidden": answers.hidden_fields(except_step=number),
        "answers": answers,
        "results": q.RESULTS,
    }


def _results(request: HttpRequest, answers: q.Answers) -> HttpResponse:
    now = timezone.now()
    domains = answers.domains()
    known = postcode_is_known(answers.postcode)
    return render(request, "hulpvragen/public/zelftest_uitkomst.html", {
        "answers": answers,
        "domains": provisions_per_domain(domains, answers.postcode if known else "", now),
        "postcode_unknown": bool(answers.postcode) and not known,
        "teams": teams_for_postcode(answers.postcode),
        "hidden": answers.hidden_fields(),
        "summary": answers.summary(),
        "domain_codes": domains,
        "last_step": q.LAST_STEP,
        "safety": answers.safety_concern,
        "results": q.RESULTS,
    })


# --- The help request form --------------------------------------------------------------------

PREFILL_FIELD = "voorinvullen"  # sent by the button at the end of "Wat speelt er?"
WEB_SYSTEM = "webformulier"  # who created the request in the audit trail: no user is logged in

REFUSALS: dict[Verdict, Any] = {
    Verdict.HONEYPOT: _("We konden uw vraag niet versturen. Kijk het formulier na en klik nog een keer op "
                        "Versturen. Lukt het niet? Bel dan het wijkteam."),
    Verdict.INVALID: _("We konden uw vraag niet versturen. Kijk het formulier na en klik nog een keer op "
                       "Versturen. Lukt het niet? Bel dan het wijkteam."),
    Verdict.TOO_FAST: _("Dat ging erg snel. Kijk uw gegevens nog even na en klik dan nog een keer op Versturen."),
    Verdict.EXPIRED: _("Het formulier stond lang open. Kijk uw gegevens nog even na en klik dan nog een keer op "
                       "Versturen."),
    Verdict.FLOOD: _("Vanaf deze computer of telefoon zijn al veel vragen verstuurd. Probeer het over een uur nog "
                     "eens, of bel het wijkteam. Dan helpen we u meteen."),
}
REFUSAL_STATUS = {Verdict.FLOOD: 429}


@public("the residents' help request form: anyone may ask the wijkteam for help")
@never_cache
@require_http_methods(["GET", "POST"])
def request_form(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        return _render_form(request, RequestForm(initial={TOKEN_FIELD: new_token()}))
    if request.POST.get(PREFILL_FIELD):
        # The self-help's "Ik wil graag contact": a form filled in with the answers; nothing is sent yet.
        return _render_form(request, RequestForm(initial={**_prefill(request.POST), TOKEN_FIELD: new_token()}))
    return _submit(request)


def _prefill(data: QueryDict) -> dict[str, Any]:
    codes = [code for code in data.getlist("domeinen") if code in LEVENSDOMEINEN]
    return {
        "vraag": (data.get("vraag") or "")[:MAX_VRAAG],
        "domeinen": codes,
        "postcode": try_normalise_postcode(data.get("postcode")) or "",
        "dringend": data.get("dringend") == "1",
        "van": FROM_SELF_HELP if data.get("van") == FROM_SELF_HELP else "",
    }


def _typed(data: QueryDict) -> dict[str, Any]:
    """What the resident typed, to show again after a refusal (never the honeypot)."""
    values: dict[str, Any] = {name: data.get(name, "") for name in RequestForm.base_fields
                              if name not in ("domeinen", HONEYPOT_FIELD, TOKEN_FIELD)}
    values["domeinen"] = data.getlist("domeinen")
    for name, field in RequestForm.base_fields.items():
        if isinstance(field, forms.BooleanField):
            values[name] = bool(data.get(name))
    return values


def _refuse(request: HttpRequest, verdict: Verdict) -> HttpResponse:
    log.info("hulpvragen.web_request_refused", reason=str(verdict))  # never the address or the contents
    form = RequestForm(initial={**_typed(request.POST), TOKEN_FIELD: new_token()})
    return _render_form(request, form, refusal=REFUSALS[verdict], status=REFUSAL_STATUS.get(verdict, 400))


def _submit(request: HttpRequest) -> HttpResponse:
    if not protection.count_attempt(request):
        return _refuse(request, Verdict.FLOOD)
    if protection.filled_honeypot(request.POST.get(HONEYPOT_FIELD)):
        return _refuse(request, Verdict.HONEYPOT)
    check = protection.check_token(request.POST.get(TOKEN_FIELD, ""))
    if check.verdict in (Verdict.INVALID, Verdict.EXPIRED, Verdict.TOO_FAST):
        return _refuse(request, check.verdict)
    form = RequestForm(request.POST)
    if not form.is_valid():
        return _render_form(request, form)
    data = form.cleaned_data
    if check.verdict == Verdict.DUPLICATE:
        # The same form again (a reload, a double click): it was sent; say so again, store nothing.
        return _sent_again(request, data)
    if not protection.may_send(request):
        return _refuse(request, Verdict.FLOOD)
    if not protection.claim(check.nonce):
        # A double click whose first post is still being stored: the same answer, nothing stored twice.
        return _sent_again(request, data)
    try:
        hulpvraag = create_request(
            kanaal=Kanaal.ZELFHULP if form.from_self_help else Kanaal.WEB,
            omschrijving=data["vraag"],
            levensdomeinen=data["domeinen"],
            aanvrager=Aanvrager(achternaam=data["achternaam"], voornamen=data["voornaam"],
                                tussenvoegsel=data["tussenvoegsel"]),
            adres=AdresInvoer(postcode=data["postcode"], huisnummer=data["huisnummer"])
            if data["postcode"] and data["huisnummer"] else None,
            contact=Contact(telefoon=data["telefoon"], email=data["email"], bereikbaar=data["bereikbaar"]),
            toestemmingen=form.consents(),
            urgent=data["dringend"],
            system=WEB_SYSTEM,
            request=request,
        )
    except ValidationError as error:
        protection.release(check.nonce)
        add_service_errors(form, error, fields={"omschrijving": "vraag"})
        return _render_form(request, form)
    except BaseException:
        protection.release(check.nonce)  # nothing stored (create_request is atomic): the resident may retry
        raise
    protection.count_sent(request)
    return _acknowledge(request, data["voornaam"], hulpvraag.reactie_uiterlijk, urgent=hulpvraag.urgent)


def _sent_again(request: HttpRequest, data: dict[str, Any]) -> HttpResponse:
    return _acknowledge(request, data["voornaam"], reactie_uiterlijk(timezone.now(), urgent=data["dringend"]),
                        urgent=data["dringend"])


def _render_form(request: HttpRequest, form: RequestForm, *, refusal: Any = "", status: int = 200) -> HttpResponse:
    return render(request, "hulpvragen/public/vraag.html", {
        "form": form,
        "error_links": form.error_links() if form.is_bound else [],
        "purposes": [(purpose, form[purpose.field]) for purpose in PURPOSES],
        "refusal": refusal,
        "honeypot": form[HONEYPOT_FIELD],
    }, status=status)


def _acknowledge(request: HttpRequest, voornaam: str, uiterlijk: dt.date, *, urgent: bool) -> HttpResponse:
    # Only the first name comes back: the page may be seen by someone looking over the resident's shoulder.
    return render(request, "hulpvragen/public/ontvangen.html", {
        "voornaam": voornaam,
        "uiterlijk": uiterlijk,
        "werkdagen": reactie_werkdagen(urgent=urgent),
        "urgent": urgent,
    })
