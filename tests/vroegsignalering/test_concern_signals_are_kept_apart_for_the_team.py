# SPDX-License-Identifier: EUPL-1.2
"""A concern signal (huisarts, school, ...) is stored under its own purpose, joins no Wgs zaak, counts in
no Divosa classification, and only the team of the household's wijk sees it."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from tests import factories as f
from wijkteam.audit.models import Action, AuditEvent
from wijkteam.vroegsignalering.access import zorgsignalen_visible_to
from wijkteam.vroegsignalering.models import Doel, Vroegsignaalzaak
from wijkteam.vroegsignalering.services import record_zorgsignaal

pytestmark = pytest.mark.django_db


def test_concern_signal_is_for_the_team_only(place, users):
    household = f.HuishoudenFactory(adres__buurt=place.buurt_a)
    signaal = record_zorgsignaal(household, bron="school", zorg="Kind komt vaak zonder ontbijt.",
                                 by=users.medewerker)
    assert (signaal.doel, signaal.zaak_id, signaal.partnertype) == (Doel.ZORGSIGNAAL, None, "")
    assert not Vroegsignaalzaak.objects.exists()
    users.medewerker.is_verified = lambda: True
    users.medewerker_b.is_verified = lambda: True
    users.privacy.is_verified = lambda: True
    assert list(zorgsignalen_visible_to(users.medewerker)) == [signaal]
    assert not zorgsignalen_visible_to(users.medewerker_b).exists()
    assert not zorgsignalen_visible_to(users.privacy).exists()
    assert AuditEvent.objects.filter(action=Action.CREATE, object_type="vroegsignalering.signaal",
                                     object_id=str(signaal.pk), household_id=household.pk).exists()
    with pytest.raises(ValidationError):
        record_zorgsignaal(household, bron="huisarts", zorg="  ", by=users.medewerker)
