# SPDX-License-Identifier: EUPL-1.2
"""The migration that makes referrals keep their norm and buurt fills both in for the referrals made before it:
a second-line referral gets its domain's current norm (the Wachtnorm row, else the Treeknorm 28/70), a
collective one none; every referral gets the buurt of its household's address."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests import factories as f
from tests import factories_sociale_kaart as sk

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = ("verwijzingen", "0001_verwijzing")
AFTER = ("verwijzingen", "0003_norm_en_buurt_invullen")
DAY = dt.date(2026, 11, 2)


def _migrate(target):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate([target])
    return executor.loader.project_state([target]).apps


def test_earlier_referrals_get_the_current_norm_and_their_households_buurt(place):
    organisatie = f.OrganisatieFactory()
    service = sk.ServiceFactory()
    in_a = f.HuishoudenFactory(adres__buurt=place.buurt_a)
    nowhere = f.HuishoudenFactory(adres__buurt=None)
    apps = _migrate(BEFORE)
    try:
        Verwijzing = apps.get_model("verwijzingen", "Verwijzing")
        Wachtnorm = apps.get_model("verwijzingen", "Wachtnorm")
        Wachtnorm.objects.create(domein="jeugdzorg", dagen_tot_intake=14, dagen_tot_start=42)
        now = dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC)

        def referral(household, soort, domein=""):
            return Verwijzing.objects.create(
                huishouden_id=household.pk, organisatie_id=organisatie.pk, service_id=service.pk, aanbod_naam="X",
                soort=soort, domein=domein, toestemming_op=now, verwezen_op=DAY, reactie_uiterlijk=DAY,
                aangemaakt=now).pk

        ggz = referral(in_a, "tweede_lijn", "ggz")
        jeugd = referral(nowhere, "tweede_lijn", "jeugdzorg")
        collectief = referral(in_a, "collectief")
    finally:
        apps = _migrate(AFTER)
    Verwijzing = apps.get_model("verwijzingen", "Verwijzing")
    stored = {v.pk: (v.norm_dagen_tot_intake, v.norm_dagen_tot_start, v.buurt_id) for v in Verwijzing.objects.all()}
    assert stored == {
        ggz: (28, 70, place.buurt_a.pk),
        jeugd: (14, 42, None),
        collectief: (None, None, place.buurt_a.pk),
    }
