# SPDX-License-Identifier: EUPL-1.2
"""A BSN passes the 11-proef, is stored encrypted with a keyed hash, and never appears in a dump."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from tests import factories as f
from wijkteam.huishoudens.models import Persoon, validate_bsn

pytestmark = pytest.mark.django_db


def test_bsn_is_not_in_the_database_in_clear(place):
    person = f.PersoonFactory(bsn="111222333", huishouden__adres__buurt=place.buurt_a)

    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM huishoudens_persoon WHERE id = %s", [person.pk])
        raw_row = " ".join(str(value) for value in cursor.fetchone())

    assert "111222333" not in raw_row
    assert Persoon.objects.get(pk=person.pk).bsn == "111222333"
    assert Persoon.objects.get(pk=person.pk).bsn_gemaskeerd == "*****2333"


def test_lookup_hash_finds_the_person_without_decrypting(place):
    from wijkteam.huishoudens.crypto import lookup_hash

    person = f.PersoonFactory(bsn="123456782", huishouden__adres__buurt=place.buurt_a)
    assert Persoon.objects.get(bsn_hash=lookup_hash("123456782")) == person


@pytest.mark.parametrize("value", ["123456789", "12345678", "abcdefghi", "000000000"])
def test_invalid_bsn_gets_a_dutch_error(value):
    with pytest.raises(ValidationError) as excinfo:
        validate_bsn(value)
    assert "11-proef" in str(excinfo.value)


def test_bsn_with_spaces_or_dots_is_accepted():
    assert validate_bsn("1112.22.333") == "111222333"
    assert validate_bsn(" 111 222 333 ") == "111222333"
