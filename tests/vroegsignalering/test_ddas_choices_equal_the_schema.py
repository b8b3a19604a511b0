# SPDX-License-Identifier: EUPL-1.2
"""The DDAS enumerations are our choices 1:1 (from the copy in the project, so a fresh clone tests offline)."""

from __future__ import annotations

import json

from wijkteam.vroegsignalering.ddas import SCHEMA_PATH
from wijkteam.vroegsignalering.models import Contactsoort, Dagdeel, Eindresultaat, Signaalpartner, SignaalStatus


def test_choices_are_the_schema_enumerations():
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    definitions = schema.get("$defs") or schema["definitions"]
    for name, choices in (("EnumSignaalpartner", Signaalpartner), ("EnumContactsoort", Contactsoort),
                          ("EnumDagdeel", Dagdeel), ("EnumEindresultaat", Eindresultaat),
                          ("EnumSignaalstatus", SignaalStatus)):
        assert sorted(definitions[name]["enum"]) == sorted(choices.values), name
