# SPDX-License-Identifier: EUPL-1.2
"""The role-by-URL matrix, generated from the access rules: every URL is requested as every role and
the answer is checked against the rule the URL declares.

Roles: anonymous; medewerker of the own team (A) and of another (B); teamleider (A); partner of the own
organisation (A) and of another (B); analist; privacy officer; beheerder. The objects in the URLs belong
to team A's wijk and partner organisation A, so the object-level scopes show: a medewerker of team B and a
partner of organisation B must be refused even where their role passes the view's check.

Allowed: anything but a 403 or a redirect to the login page (a 200, a redirect elsewhere, a 400 form
error all count), and never a 404 (that would mean the example object is wrong) or a 5xx.
Refused: a 403 with a DENIED row for that user in the audit trail; anonymous visitors of a page that is
not public are sent to the login page instead.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse

import pytest
from django.test import Client
from django.urls import reverse

from tests import factories as f
from tests import factories_sociale_kaart as sk
from tests.conftest import TEST_TOTP_KEY, login
from wijkteam.accounts.models import User
from wijkteam.accounts.services import set_totp_secret
from wijkteam.audit.models import Action, AuditEvent
from wijkteam.sociale_kaart.freshness import make_token
from wijkteam.sociale_kaart.models import DuplicateCandidate, HsdsImport
from wijkteam.sociale_kaart.models.werk import DuplicateSource, VerificationTask

from . import matrix_world
from .matrix_rules import ROLES, expected_allowed
from .url_rules import Endpoint, walk

pytestmark = pytest.mark.django_db

@dataclass
class World:
    """One object of each kind, in team A's wijk and of partner organisation A (at the tests' frozen
    moment, so the entries stay fresh and the mailed link valid whatever today's date)."""

    users: dict[str, User]
    objects: dict[str, Any]


# Which fixture object fills each URL parameter. A new URL with a parameter needs a line here.
EXAMPLES: dict[str, Callable[[World], dict[str, Any]]] = {
    "huishoudens:person_detail": lambda w: {"pk": w.objects["person"].pk},
    "huishoudens:household_detail": lambda w: {"pk": w.objects["person"].huishouden_id},
    "sociale_kaart_public:service": lambda w: {"pk": w.objects["service"].pk},
    "sociale_kaart_public:leaflet": lambda w: {"code": w.objects["wijk"].code},
    "sociale_kaart_public:leaflet_pdf": lambda w: {"code": w.objects["wijk"].code},
    "sociale_kaart_api:service_detail": lambda w: {"id": str(w.objects["service"].pk)},
    "sociale_kaart_api:organization_detail": lambda w: {"id": str(w.objects["organization"].pk)},
    "sociale_kaart_api:service_at_location_detail": lambda w: {"id": str(w.objects["service_at_location"].pk)},
    "sociale_kaart_api:taxonomy_detail": lambda w: {"id": str(w.objects["term"].taxonomy_id)},
    "sociale_kaart_api:taxonomy_term_detail": lambda w: {"id": str(w.objects["term"].pk)},
    "sociale_kaart_werk:service_edit": lambda w: {"pk": w.objects["service"].pk},
    "sociale_kaart_werk:schedules_edit": lambda w: {"pk": w.objects["service"].pk},
    "sociale_kaart_werk:location_create": lambda w: {"pk": w.objects["service"].pk},
    "sociale_kaart_werk:service_history": lambda w: {"pk": w.objects["service"].pk},
    "sociale_kaart_werk:service_verify": lambda w: {"pk": w.objects["service"].pk},
    "sociale_kaart_werk:location_edit": lambda w: {"pk": w.objects["location"].pk},
    "sociale_kaart_werk:klopt_nog_link": lambda w: {"token": w.objects["token"]},
    "sociale_kaart_werk:merge": lambda w: {"pk": w.objects["candidate"].pk},
    "sociale_kaart_werk:dismiss": lambda w: {"pk": w.objects["candidate"].pk},
    "sociale_kaart_import:detail": lambda w: {"pk": w.objects["hsds_import"].pk},
    "admin:app_list": lambda w: {"app_label": "accounts"},
}
# Each capability's own examples: tests/architecture/matrix_world/<app>.py.
for _module in matrix_world.modules():
    EXAMPLES.update(_module.EXAMPLES)

# Every admin URL passes the site's one check (has_permission) before anything else; the walker test
# proves they all carry its rule. The matrix requests the site's own pages and every model's list. Left
# out: the pages of one object (change, delete, history) and the add forms (behind them Django's
# per-model permissions narrow further, e.g. the read-only login logs), and `autocomplete`, which
# answers 403 to any request without the field it completes (no admin here uses autocomplete_fields).
SKIPPED_ADMIN = {"admin:autocomplete"}


def _covered(endpoint: Endpoint) -> bool:
    if endpoint.admin:
        return (endpoint.name not in SKIPPED_ADMIN and not endpoint.name.endswith("_add")
                and (not endpoint.has_parameters or endpoint.name in EXAMPLES))
    return True


ENDPOINTS = [e for e in walk() if _covered(e)]


@pytest.fixture
def world(place: Any, users: Any, frozen_time: Any) -> World:
    named = users.all()
    named["partner_b"] = f.UserFactory(username="partner_b", partner=True)  # another organisation
    set_totp_secret(named["partner_b"], TEST_TOTP_KEY)

    person = f.PersoonFactory(huishouden__adres__buurt=place.buurt_a)
    organization = sk.OrganizationFactory(organisatie=users.partner.organisatie)
    location = sk.LocationFactory(organization=organization)
    service = sk.ServiceFactory(organization=organization, terms=["LD11"])
    service_at_location = sk.ServiceAtLocationFactory(service=service, location=location)
    twin = sk.ServiceFactory(organization=sk.OrganizationFactory(organisatie=named["partner_b"].organisatie),
                             name=service.name)
    first, second = sorted([service, twin], key=lambda s: str(s.pk))
    candidate = DuplicateCandidate.objects.create(service_a=first, service_b=second, score=90,
                                                  source=DuplicateSource.SCAN)
    task = VerificationTask.objects.create(service=service, checked_on=dt.date(2026, 3, 1),
                                           due_on=dt.date(2027, 3, 1))
    objects = {
        "person": person,
        "wijk": place.wijk_a,
        "organization": organization,
        "location": location,
        "service": service,
        "service_at_location": service_at_location,
        "term": sk.term("LD11"),
        "candidate": candidate,
        "token": make_token(task, user_id=users.partner.pk),
        "hsds_import": HsdsImport.objects.create(filename="kaart.zip", format="csv", created_by=users.beheerder),
    }
    for module in matrix_world.modules():
        objects.update(module.objects(place, users, named))
    return World(named, objects)


def _fetch(client: Client, url: str, *, follow: bool) -> Any:
    response = client.get(url, follow=follow)
    if response.status_code == 405:  # a POST-only view: an empty POST shows the access decision
        response = client.post(url, {}, follow=follow)
    return response


def _to_login(response: Any) -> bool:
    login_pages = {reverse("accounts:login"), reverse("admin:login")}
    hops = [url for url, _status in getattr(response, "redirect_chain", [])]
    if response.status_code in (301, 302):
        hops.append(response["Location"])
    return any(urlparse(hop).path == reverse("accounts:login") for hop in hops) or (
        response.status_code in (301, 302) and urlparse(response["Location"]).path in login_pages)


def _url(endpoint: Endpoint, world: World) -> str:
    if not endpoint.has_parameters:
        return reverse(endpoint.name) if endpoint.name else "/" + endpoint.route
    assert endpoint.name in EXAMPLES, (
        f"{endpoint.label()} has parameters: add an example object for it to EXAMPLES in {__name__}"
    )
    return reverse(endpoint.name, kwargs=EXAMPLES[endpoint.name](world))


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=lambda e: e.name or e.route)
def test_each_role_is_allowed_or_refused_as_the_rule_says(endpoint: Endpoint, world: World) -> None:
    assert endpoint.rule is not None, f"{endpoint.label()} has no access rule"
    url = _url(endpoint, world)
    problems = []
    for role in ROLES:
        user = world.users.get(role)
        client = Client(HTTP_USER_AGENT="pytest")
        if user is not None:
            login(client, user)
        denials_before = AuditEvent.objects.filter(action=Action.DENIED, user_id=user.pk).count() if user else 0
        # The admin refuses in two steps (to its login page, which answers 403): follow them.
        response = _fetch(client, url, follow=endpoint.admin)
        status = response.status_code
        allowed = expected_allowed(endpoint.rule, role, user)
        if status >= 500 or status == 404:
            problems.append(f"{role}: {status}")
        elif allowed and (status == 403 or _to_login(response)):
            problems.append(f"{role}: refused ({status}) but {endpoint.rule.describe()} allows it")
        elif not allowed and user is None and not _to_login(response):
            problems.append(f"anonymous: {status} instead of the login page")
        elif not allowed and user is not None:
            if status != 403:
                problems.append(f"{role}: {status} but {endpoint.rule.describe()} refuses it")
            elif AuditEvent.objects.filter(action=Action.DENIED, user_id=user.pk).count() <= denials_before:
                problems.append(f"{role}: refused without a DENIED row in the audit trail")
    assert not problems, f"{url} ({endpoint.rule.describe()}):\n" + "\n".join(problems)
