# SPDX-License-Identifier: EUPL-1.2
"""The 403 page gives advice that fits the role: a partner is pointed to its own offer, a
medewerker to the teamleider, an analist is told why personal data is not for them; never the
same "ask your teamleider" for everyone (a partner has no teamleider)."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("role", "url", "advice", "link"), [
    ("partner", "privacy:audit_list", "Als partner zie en wijzig je alleen het aanbod van je eigen organisatie",
     "sociale_kaart_werk:mijn_aanbod"),
    ("medewerker", "privacy:audit_list", "Vraag je teamleider", "accounts:werkomgeving"),
    ("analist", "huishoudens:person_search", "Als analist zie je cijfers over groepen", "accounts:werkomgeving"),
    ("teamleider", "privacy:audit_list", "Vraag de functioneel beheerder", "accounts:werkomgeving"),
])
def test_advice_fits_the_role(role: str, url: str, advice: str, link: str, users: Any, client_for: Any) -> None:
    response = client_for(getattr(users, role)).get(reverse(url))
    assert response.status_code == 403
    html = response.content.decode()
    assert advice in html
    assert f'href="{reverse(link)}"' in html
    if role == "partner":
        assert "teamleider" not in html
