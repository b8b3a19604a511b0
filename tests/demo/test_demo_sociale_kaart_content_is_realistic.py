# SPDX-License-Identifier: EUPL-1.2
"""The demo content reads like a real sociale kaart: short B1 texts that address people one way,
fictional but Dutch contact details, mostly free services, several languages, documents where a
service asks for them, and exactly the duplicates that were planted."""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal

import pytest

from wijkteam.demo.generator import generate
from wijkteam.sociale_kaart.duplicates import find_duplicates_of, name_score
from wijkteam.sociale_kaart.models import (
    CostOption,
    Language,
    Organization,
    Phone,
    RequiredDocument,
    Service,
    ServiceArea,
)
from wijkteam.sociale_kaart.models.werk import DuplicateCandidate, DuplicateStatus

SEED, SCALE = 42, 20
U_FORM = re.compile(r"\b(u|uw)\b", re.IGNORECASE)
JE_FORM = re.compile(r"\b(je|jij|jou|jouw)\b", re.IGNORECASE)
DUTCH_PHONE = re.compile(
    r"^(0\d{2} \d{3} \d{4}|0\d{2}-\d{7}|0\d{2} - \d{3} \d{2} \d{2}|\(0\d{2}\) \d{3} \d{4}|06-\d{8}|0800-\d{4}"
    r"|\+31 \d{1,2} \d{3} \d{2} \d{2,3})$"
)


@pytest.fixture
def kaart(db: None) -> dict[str, int]:
    return generate(seed=SEED, scale=SCALE)


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.?!])\s+", text.strip()) if s]


def test_descriptions_are_short_b1_texts_with_distinct_names(kaart: dict[str, int]) -> None:
    services = list(Service.objects.all())
    for service in services:
        parts = sentences(service.description)
        assert 2 <= len(parts) <= 4, service.description
        assert sum(len(p.split()) for p in parts) / len(parts) <= 18, service.description
        assert "{" not in service.name + service.description
        assert service.application_process and service.eligibility_description and service.fees_description
    assert len({s.description for s in services}) >= 0.75 * len(services), "not 300 copies of a few texts"
    assert len({s.name.lower() for s in services}) == len(services)


def test_each_service_says_u_or_je_but_never_both(kaart: dict[str, int]) -> None:
    forms: Counter[str] = Counter()
    for service in Service.objects.all():
        text = " ".join((service.description, service.application_process, service.eligibility_description))
        u, je = bool(U_FORM.search(text)), bool(JE_FORM.search(text))
        assert not (u and je), text
        forms["u" if u else "je" if je else "neither"] += 1
    assert forms["u"] > forms["je"] > 20


def test_contact_details_are_dutch_and_fictional(kaart: dict[str, int]) -> None:
    for organization in Organization.objects.all():
        assert organization.email.startswith("info@") and organization.email.endswith(".example")
        assert re.fullmatch(r"https://www\.[a-z0-9]+\.example", organization.website)
    emails = [e for e in Service.objects.values_list("email", flat=True) if e]
    assert emails and all(e.endswith(".example") for e in emails)
    numbers = list(Phone.objects.values_list("number", flat=True))
    assert all(DUTCH_PHONE.match(n) for n in numbers), [n for n in numbers if not DUTCH_PHONE.match(n)]
    assert {n[:3] for n in numbers} >= {"030", "088", "06-", "080"}


def test_mostly_free_some_priced_many_languages_and_documents(kaart: dict[str, int]) -> None:
    services = Service.objects.count()
    free = Service.objects.filter(cost_options__amount=0).distinct().count()
    assert 0.6 * services <= free < services
    amounts = set(CostOption.objects.values_list("amount", flat=True))
    assert {Decimal("2.50"), Decimal("25")} <= amounts
    assert CostOption.objects.filter(option="Gratis met de Voorbeeldpas").exists()
    assert Language.objects.filter(code="nl").count() == services
    assert set(Language.objects.values_list("code", flat=True)) >= {"nl", "en", "ar", "tr", "pl", "uk"}
    for voedselbank in Service.objects.filter(name__icontains="voedselbank"):
        documents = " ".join(voedselbank.required_documents.values_list("document", flat=True))
        assert "inkomen" in documents
    assert RequiredDocument.objects.values("service").distinct().count() >= 8
    assert ServiceArea.objects.count() == services


def test_only_the_planted_duplicates_are_on_the_worklist(kaart: dict[str, int]) -> None:
    candidates = list(DuplicateCandidate.objects.filter(status=DuplicateStatus.OPEN)
                      .select_related("service_a", "service_b"))

    assert len(candidates) == 3 == kaart["kaart_dubbelingen"]
    for candidate in candidates:
        a, b = candidate.service_a, candidate.service_b
        assert a.organization_id != b.organization_id and name_score(a.name, b.name) >= 90
        assert "zelfde telefoonnummer" in candidate.reasons and "zelfde adres" in candidate.reasons
    planted = {s.pk for c in candidates for s in (c.service_a, c.service_b)}
    found = {s.pk for s in Service.objects.all() if find_duplicates_of(s)}
    assert found == planted


def test_search_text_is_built_for_every_service(kaart: dict[str, int]) -> None:
    for service in Service.objects.all()[:50]:
        assert service.search_document.startswith(service.name)
        for term in service.terms():
            assert term.name in service.search_document
