# SPDX-License-Identifier: EUPL-1.2
"""manage.py load_postcodes: public PC6 centroids in, idempotent, bad rows named in Dutch, nothing half-written."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from wijkteam.gebieden.models import Postcode, PostcodeBron

pytestmark = pytest.mark.django_db


def write(tmp_path, text):
    path = tmp_path / "postcodes.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_loads_pdok_style_rows_with_buurt(tmp_path, place):
    path = write(tmp_path, "postcode;lat;lon;buurtcode\n3511AB;52,0935;5,1123;BU09990101\n3511 AC;52.1;5.2;\n")
    call_command("load_postcodes", str(path))
    rows = {p.pc6: p for p in Postcode.objects.all()}
    assert set(rows) == {"3511 AB", "3511 AC"}
    assert (rows["3511 AB"].latitude, rows["3511 AB"].longitude, rows["3511 AB"].pc4) == (52.0935, 5.1123, "3511")
    assert rows["3511 AB"].buurt == place.buurt_a and rows["3511 AC"].buurt is None
    assert rows["3511 AB"].bron == PostcodeBron.PDOK


def test_loading_again_updates_instead_of_duplicating(tmp_path, db):
    call_command("load_postcodes", str(write(tmp_path, "postcode,latitude,longitude\n3511AB,52.0,5.0\n")))
    call_command("load_postcodes", str(write(tmp_path, "postcode,latitude,longitude\n3511AB,52.5,5.5\n")))
    assert list(Postcode.objects.values_list("pc6", "latitude", "longitude")) == [("3511 AB", 52.5, 5.5)]


def test_bad_rows_are_all_named_and_nothing_is_written(tmp_path, db):
    rows = ["postcode,lat,lon", "3511AB,52.0,5.0", "3511SS,52.0,5.0", "X,52,5", "3512AB,abc,5", "3513AB,5.1,52.1"]
    path = write(tmp_path, "\n".join(rows) + "\n")
    with pytest.raises(CommandError) as excinfo:
        call_command("load_postcodes", str(path))
    message = str(excinfo.value)
    assert "Regel 3: Vul een geldige postcode in" in message
    assert "Regel 4:" in message and "Regel 5: lat en lon moeten getallen zijn" in message
    assert "Regel 6:" in message and "verwisseld" in message
    assert "Regel 2" not in message
    assert not Postcode.objects.exists()


def test_missing_columns_are_named(tmp_path, db):
    with pytest.raises(CommandError, match="lon"):
        call_command("load_postcodes", str(write(tmp_path, "postcode,lat\n3511AB,52.0\n")))
