# SPDX-License-Identifier: EUPL-1.2
"""The DDAS delivery of a period validates against json_schema_Uitwisselmodel.json (draft 2020-12, the
validator the schema declares, with format checks); a broken delivery fails, so the check can fail; the
delivery holds no client data; the command and the download produce the same valid document."""

from __future__ import annotations

import copy
import datetime as dt
import io
import json

import jsonschema
import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from tests.vroegsignalering.rapportage_support import build_world
from wijkteam.vroegsignalering.models import Signaal, Vroegsignaalzaak
from wijkteam.vroegsignalering.rapportage import ddas_export
from wijkteam.vroegsignalering.rapportage.ddas_export import build_uitwisselmodel, schema, validation_errors

VAN, TOT = dt.date(2026, 9, 1), dt.date(2026, 9, 30)


@pytest.fixture
def world(place, frozen_time):
    build_world(place, per_month=4)


def test_the_delivery_is_valid_and_complete(world) -> None:
    assert jsonschema.validators.validator_for(schema()) is jsonschema.Draft202012Validator
    document = build_uitwisselmodel(VAN, TOT)
    assert validation_errors(document) == []
    jsonschema.Draft202012Validator(schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
                                    ).validate(document)
    [levering] = document["leveringen"]
    assert levering["gemeentecode"].isdigit() and len(levering["gemeentecode"]) == 4
    expected_signals = Signaal.objects.filter(signaaldatum__range=(VAN, TOT)).count()
    assert len(levering["vroegsignalen"]) == expected_signals > 0
    zaken = levering["vroegsignaalzaken"]
    assert len(zaken) >= Vroegsignaalzaak.objects.filter(ontvangen__range=(VAN, TOT)).count() > 0
    assert any(z.get("resultaat") for z in zaken) and any(z["contactpogingen"] for z in zaken)
    # No client data: the schema requires the object, none of its fields.
    assert all(s["client"] == {} for s in levering["vroegsignalen"])
    text = json.dumps(document)
    for signaal in Signaal.objects.select_related("persoon"):
        assert signaal.persoon.achternaam not in text


@pytest.mark.parametrize("break_it", [
    lambda d: d.pop("codeGegevensleverancier"),
    lambda d: d["leveringen"][0]["vroegsignalen"][0]["signaalpartner"].update(type="Zorgverzekeraar"),
    lambda d: d["leveringen"][0]["vroegsignalen"][0].update(signaaldatum="31-09-2026"),
    lambda d: d["leveringen"][0]["vroegsignaalzaken"][0].update(vroegsignalen=[]),
    lambda d: d["leveringen"][0]["vroegsignalen"][0].update(bsn="111222333"),
], ids=["required", "enum", "date-format", "minItems", "additionalProperties"])
def test_a_broken_delivery_fails(world, break_it) -> None:
    document = copy.deepcopy(build_uitwisselmodel(VAN, TOT))
    break_it(document)
    assert validation_errors(document)


def test_the_command_refuses_an_invalid_delivery(world, monkeypatch) -> None:
    out = io.StringIO()
    call_command("ddas_export", "--van", "2026-09-01", "--tot", "2026-09-30", stdout=out)
    assert validation_errors(json.loads(out.getvalue())) == []
    original = ddas_export.build_uitwisselmodel
    monkeypatch.setattr("wijkteam.vroegsignalering.management.commands.ddas_export.build_uitwisselmodel",
                        lambda van, tot: {**original(van, tot), "startdatumLevering": "gisteren"})
    with pytest.raises(CommandError, match="startdatumLevering"):
        call_command("ddas_export", "--van", "2026-09-01", "--tot", "2026-09-30", stdout=io.StringIO())


def test_the_download_is_the_valid_delivery(world, users, client_for) -> None:
    response = client_for(users.analist).get(reverse("vroegsignalering:rapportage_ddas"),
                                             {"van": "2026-09-01", "tot": "2026-09-30"})
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    document = json.loads(response.content)
    assert validation_errors(document) == []
    assert document["startdatumLevering"] == "2026-09-01"
