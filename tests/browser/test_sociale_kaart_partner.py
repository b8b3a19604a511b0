# SPDX-License-Identifier: EUPL-1.2
"""A partner keeps its own entry in a real browser: "Mijn aanbod", the edit form (also with errors)
and the worklist of outdated entries, each with 0 axe-core WCAG 2.1 AA violations."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tests.browser_support import assert_accessible, login_in_browser
from tests.conftest import TEST_TOTP_KEY
from tests.factories import TEST_PASSWORD
from tests.factories_sociale_kaart import OrganizationFactory, ServiceFactory
from wijkteam.sociale_kaart.models import Service

# Not serialized_rollback: restoring the serialised database re-inserts content types that the
# flush's post_migrate already recreated (IntegrityError when this file runs after another
# transactional test). tests/conftest.py reloads the shipped taxonomies for every database test.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def partner_services(users: Any) -> tuple[Service, Service]:
    org = OrganizationFactory(name="Stichting Buurtkracht", organisatie=users.partner.organisatie)
    service = ServiceFactory(organization=org, name="Taalcafé De Brug", terms=["LD11", "SA05"],
                             description="Oefen Nederlands.")
    stale = ServiceFactory(organization=org, name="Koffieochtend", assured_date=dt.date(2024, 1, 1))
    return service, stale


def test_partner_edits_service_through_the_form(page: Any, users: Any, partner_services: Any) -> None:
    service, _stale = partner_services
    login_in_browser(page, "partner", TEST_PASSWORD, TEST_TOTP_KEY)

    page.goto("/werk/sociale-kaart/")
    assert page.locator("h1").inner_text() == "Mijn aanbod op de sociale kaart"
    assert_accessible(page)

    page.get_by_role("link", name="Taalcafé De Brug").first.click()
    page.wait_for_url(f"**/werk/sociale-kaart/aanbod/{service.pk}/")
    assert_accessible(page)

    # An error first: the message names the field and the page stays accessible.
    page.get_by_label("Naam", exact=True).fill("")
    page.get_by_role("button", name="Opslaan").click()
    assert page.get_by_text("Vul het veld „Naam” in.").is_visible()
    assert_accessible(page)

    page.get_by_label("Naam", exact=True).fill("Taalcafé De Brug")
    page.get_by_label("Omschrijving").fill("Oefen Nederlands met buren, elke dinsdag.")
    page.get_by_label("Huiselijke relaties").check()
    page.get_by_label("Telefoonnummer").fill("030-1234567")
    page.get_by_role("button", name="Opslaan").click()
    assert page.get_by_text("De wijzigingen zijn opgeslagen.").is_visible()

    service.refresh_from_db()
    assert service.description == "Oefen Nederlands met buren, elke dinsdag."
    assert sorted(service.terms().values_list("code", flat=True)) == ["LD05", "LD11", "SA05"]
    assert service.phones.get().number == "030-1234567"
    assert service.hsds_metadata().filter(updated_by="partner").count() == 2  # description, levensdomeinen


def test_worklist_and_schedules_are_accessible(page: Any, users: Any, partner_services: Any) -> None:
    service, _stale = partner_services
    login_in_browser(page, "partner", TEST_PASSWORD, TEST_TOTP_KEY)
    page.goto("/werk/sociale-kaart/verouderd/")
    assert page.get_by_text("Koffieochtend").is_visible()
    assert_accessible(page)

    page.goto(f"/werk/sociale-kaart/aanbod/{service.pk}/openingstijden/")
    assert_accessible(page)
    page.goto(f"/werk/sociale-kaart/aanbod/{service.pk}/locatie/nieuw/")
    assert_accessible(page)


def test_beheerder_duplicate_pages_and_mail_link_page_are_accessible(page: Any, users: Any) -> None:
    from wijkteam.sociale_kaart.duplicates import find_duplicates_of, record_candidates
    from wijkteam.sociale_kaart.freshness import make_token
    from wijkteam.sociale_kaart.models.werk import DuplicateSource, VerificationTask

    org = OrganizationFactory(name="Stichting Buurtkracht", organisatie=users.partner.organisatie)
    a = ServiceFactory(organization=org, name="Taalcafé De Brug", assured_date=dt.date(2024, 1, 1))
    b = ServiceFactory(name="Taal café de Brug")
    (candidate,) = record_candidates(b, find_duplicates_of(b), source=DuplicateSource.SCAN)
    task = VerificationTask.objects.create(service=a, checked_on=dt.date(2024, 1, 1), due_on=dt.date(2024, 7, 1))

    page.goto(f"/werk/sociale-kaart/klopt-nog/{make_token(task, user_id=users.partner.pk)}/")
    assert page.get_by_role("button", name="Ja, dit klopt nog").is_visible()
    assert_accessible(page)

    login_in_browser(page, "beheerder", TEST_PASSWORD, TEST_TOTP_KEY)
    page.goto("/werk/sociale-kaart/dubbelingen/")
    assert_accessible(page)
    page.goto(f"/werk/sociale-kaart/dubbelingen/{candidate.pk}/samenvoegen/")
    assert_accessible(page)
    page.get_by_role("button", name="Ja, samenvoegen").click()
    assert page.get_by_text("is samengevoegd met").is_visible()
