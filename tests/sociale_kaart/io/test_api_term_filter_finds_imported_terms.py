# SPDX-License-Identifier: EUPL-1.2
"""The HSDS API's taxonomy_term_id / taxonomy_id of OUR terms also find services that another
supplier's package tagged with its own term for the same thing."""

from __future__ import annotations

import pytest

from wijkteam.sociale_kaart.taxonomies import taxonomy_uuid, term_uuid

from .foreign_supplier import import_corpus, truth

pytestmark = pytest.mark.django_db


def _ids(client, **params):
    response = client.get("/api/hsds/services", {"per_page": 200, **params})
    assert response.status_code == 200
    return {item["id"] for item in response.json()["contents"]}


def test_our_term_id_finds_services_tagged_with_the_imported_term(frozen_time, client,
                                                                  django_capture_on_commit_callbacks):
    corpus, _result = import_corpus(30, django_capture_on_commit_callbacks)
    known = truth(corpus)
    for code in ("LD01", "LD02", "SA06"):  # mapped by name, by code, by name
        expected = {str(sid) for sid, codes in known.items() if code in codes}
        assert expected
        assert _ids(client, taxonomy_term_id=str(term_uuid("levensdomeinen" if code[:2] == "LD" else "soort-aanbod",
                                                             code))) == expected, code
        assert _ids(client, taxonomy_term_id=code) == expected, code
    every_domain = {str(sid) for sid, codes in known.items() if any(c.startswith("LD") for c in codes)}
    assert _ids(client, taxonomy_id=str(taxonomy_uuid("levensdomeinen"))) >= every_domain
    assert _ids(client, taxonomy_id="levensdomeinen") >= every_domain
