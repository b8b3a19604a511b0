# SPDX-License-Identifier: EUPL-1.2
"""A partner reads the outcome of its own signal: id, "hulp geaccepteerd" and a coarse status, nothing
about the resident (no name, address, BSN, birth date, nor the DDAS end result). No answer of the API
repeats a personal value it was sent. Another organisation's signal, or a file's, is a 404 (audited)."""

from __future__ import annotations

import json

import pytest

from wijkteam.audit.models import Action, AuditEvent, Outcome
from wijkteam.vroegsignalering.models import Bron, Eindresultaat, Signaal, ZaakStatus
from wijkteam.vroegsignalering.services import change_zaak_status

from .partner_api_support import call, energy_company, signal_json, token_for
from .support import place_postcode

pytestmark = pytest.mark.django_db

RESIDENT = dict(bsn="123456782", voorletters="M.A.", voorvoegsel="van der", achternaam="Klaassen",
                geboortedatum="1971-03-09", straatnaam="Lijnbaanstraat", huisnummer="27",
                huisnummertoevoeging="bis", postcode="3511 AB", plaatsnaam="Voorbeeldstad",
                telefoonnummer="0612345678", email="m.klaassen@example.org")
PERSONAL_KEYS = set(RESIDENT) | {"persoon", "huishouden", "adres", "naam", "eindresultaat", "buurt"}


def _texts(answer):
    return json.dumps(answer, ensure_ascii=False).casefold()


def _assert_nothing_personal(answer):
    text = _texts(answer)
    keys = set()

    def walk(value):
        if isinstance(value, dict):
            keys.update(value)
            for inner in value.values():
                walk(inner)
        elif isinstance(value, list):
            for inner in value:
                walk(inner)

    walk(answer)
    assert not keys & PERSONAL_KEYS, keys & PERSONAL_KEYS
    # Every value long enough to mean something on its own (a house number "27" may be an id).
    for value in (*(v for v in RESIDENT.values() if len(v) >= 4), "1971", "klaassen", "lijnbaan", "3511"):
        assert value.casefold() not in text, f"{value!r} in {answer}"


def test_the_outcome_says_only_whether_help_was_accepted(place, users, frozen_time):
    place_postcode(place)
    token, secret = token_for(energy_company(), users.beheerder)
    sent = call(secret, "signal_create", signal_json(**RESIDENT))
    assert sent.status_code == 201
    _assert_nothing_personal(sent.json())
    pk = sent.json()["id"]

    first = call(secret, "signal_outcome", pk=pk)
    assert (first.status_code, first.json()) == (200, {"id": pk, "hulp_geaccepteerd": None, "status": "ontvangen"})

    signaal = Signaal.objects.select_related("zaak").get(pk=pk)
    zaak = signaal.zaak
    change_zaak_status(zaak, ZaakStatus.IN_GESPREK, by=users.medewerker)
    assert call(secret, "signal_outcome", pk=pk).json()["status"] == "in_behandeling"
    zaak.refresh_from_db()
    zaak.hulp_geaccepteerd = False
    zaak.eindresultaat = Eindresultaat.OVERLEDEN  # personal data the partner must not learn
    zaak.save(update_fields=["hulp_geaccepteerd", "eindresultaat"])
    change_zaak_status(zaak, ZaakStatus.GESLOTEN, by=users.medewerker)

    last = call(secret, "signal_outcome", pk=pk)

    assert last.json() == {"id": pk, "hulp_geaccepteerd": False, "status": "afgesloten"}
    assert "overleden" not in _texts(last.json())
    _assert_nothing_personal(last.json())
    read = AuditEvent.objects.filter(action=Action.READ, object_id=str(pk)).order_by("-id").first()
    assert read is not None and read.username == f"api-token:{token.prefix}"
    assert (read.person_id, read.household_id) == (signaal.persoon_id, signaal.huishouden_id)


def test_errors_never_repeat_the_values_sent(place, users, frozen_time):
    place_postcode(place)
    _token, secret = token_for(energy_company(), users.beheerder)
    wrong = {**RESIDENT, "bsn": "123456789", "email": "m.klaassen@", "geboortedatum": "1971-02-31",
             "bedrag": "veel", "partnertype": "Klaassen Incasso", "huisnummertoevoeging": "bis-bis"}

    single = call(secret, "signal_create", signal_json(**wrong))
    batch = call(secret, "signal_batch", [signal_json(**wrong), signal_json(**RESIDENT)])

    assert single.status_code == 400 and len(single.json()["fouten"]) >= 5
    assert batch.status_code == 200
    for answer in (single.json(), batch.json()):
        _assert_nothing_personal(answer)
        assert "123456789" not in _texts(answer) and "incasso" not in _texts(answer)


def test_another_organisations_signal_or_a_files_is_not_found(place, users, frozen_time):
    place_postcode(place)
    _token_a, secret_a = token_for(energy_company(), users.beheerder)
    token_b, secret_b = token_for(energy_company("Voorbeeld Water"), users.beheerder)
    pk = call(secret_a, "signal_create", signal_json(huisnummer="5")).json()["id"]
    from_file = Signaal.objects.get(pk=pk)
    from_file.pk = None
    from_file.dedupe_key, from_file.bron, from_file.organisatie = None, Bron.BESTAND, None
    from_file.save()

    other = call(secret_b, "signal_outcome", pk=pk)
    file_signal = call(secret_a, "signal_outcome", pk=from_file.pk)
    missing = call(secret_a, "signal_outcome", pk=99999999999999999999)

    expected = {"status": 404, "melding": "Geen signaal van uw organisatie met dit nummer."}
    assert (other.status_code, other.json()) == (404, expected)
    assert (file_signal.status_code, file_signal.json()) == (404, expected)
    assert (missing.status_code, missing.json()) == (404, expected)
    denied = AuditEvent.objects.get(action=Action.DENIED, username=f"api-token:{token_b.prefix}")
    assert (denied.outcome, denied.object_id, denied.on_behalf_of) == (Outcome.DENIED, str(pk), "Voorbeeld Water")
