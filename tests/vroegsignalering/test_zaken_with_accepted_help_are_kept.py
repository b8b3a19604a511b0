# SPDX-License-Identifier: EUPL-1.2
"""The purge leaves zaken with accepted help (they continue in intake) and open zaken untouched."""

from __future__ import annotations

import datetime as dt

from tests.vroegsignalering.rapportage_support import build_world
from wijkteam.vroegsignalering.models import Signaal, Vroegsignaalzaak, ZaakStatus
from wijkteam.vroegsignalering.retentie.services import purge_personal_data


def test_accepted_and_open_zaken_keep_their_personal_data(place, frozen_time) -> None:
    build_world(place)
    accepted = list(Vroegsignaalzaak.objects.filter(hulp_geaccepteerd=True, status=ZaakStatus.GESLOTEN))
    still_open = list(Vroegsignaalzaak.objects.exclude(status=ZaakStatus.GESLOTEN))
    assert accepted and still_open

    result = purge_personal_data(today=dt.date(2030, 1, 1))

    assert result.zaken > 0
    for zaak in Vroegsignaalzaak.objects.filter(pk__in=[z.pk for z in accepted + still_open]):
        assert zaak.geanonimiseerd is None and zaak.huishouden_id is not None and zaak.prioriteit_uitleg
    kept = Signaal.objects.filter(zaak__in=accepted + still_open)
    assert kept.exists() and not kept.filter(persoon__isnull=True).exists()
    assert not kept.filter(geanonimiseerd__isnull=False).exists()
