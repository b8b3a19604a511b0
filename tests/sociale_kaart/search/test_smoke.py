# SPDX-License-Identifier: EUPL-1.2
from tests.sociale_kaart.search.conftest import names


def test_smoke(kaart, search):
    for q in ["ik kan mijn huur niet betalen", "eenzaam", "schuldhulp verlening", "eenzaamheid ouderen", "shuldhulp", "eenzaamhijd", "", "blowt"]:
        r = search(q)
        print(q, "->", r.total, names(r)[:4], r.interpretation)
    assert 0
