# SPDX-License-Identifier: EUPL-1.2
"""The request's levensdomein codes and names are the sociale kaart's shipped taxonomy (LD01-LD13), so a
request's domains and the triage's search by domain speak about the same thing."""

from __future__ import annotations

from wijkteam.hulpvragen.models import LEVENSDOMEINEN
from wijkteam.sociale_kaart.taxonomies import LEVENSDOMEINEN as SLUG
from wijkteam.sociale_kaart.taxonomies import shipped_taxonomies


def test_codes_and_names_equal_the_shipped_taxonomy() -> None:
    shipped = next(t for t in shipped_taxonomies()["taxonomies"] if t["slug"] == SLUG)
    assert {term["code"]: term["name"] for term in shipped["terms"]} == {
        code: str(name) for code, name in LEVENSDOMEINEN.items()}
