# SPDX-License-Identifier: EUPL-1.2
"""The HSDS 3.0 schemas and examples ship inside the project, with licence and attribution."""

from __future__ import annotations

import json
from pathlib import Path

HSDS_DIR = Path(__file__).resolve().parents[2] / "wijkteam" / "sociale_kaart" / "hsds"


def test_schemas_examples_and_openapi_are_present_and_parse():
    for folder in ["schema", "schema/compiled", "examples"]:
        files = list((HSDS_DIR / folder).glob("*.json"))
        assert files, folder
        for path in files:
            json.loads(path.read_text(encoding="utf-8"))
    assert (HSDS_DIR / "schema" / "schema.csv").is_file()
    assert len(list((HSDS_DIR / "examples" / "csv").glob("*.csv"))) == 21


def test_openapi_carries_the_pr_574_fix():
    openapi = json.loads((HSDS_DIR / "schema" / "openapi.json").read_text(encoding="utf-8"))
    response = openapi["paths"]["/service_at_locations/{id}"]["get"]["responses"]["200"]
    assert "compiled/service_at_location.json" in json.dumps(response)


def test_licence_and_attribution_sit_beside_the_files():
    assert "Creative Commons Attribution Share-Alike 4.0" in (HSDS_DIR / "LICENSE").read_text(encoding="utf-8")
    source = (HSDS_DIR / "SOURCE.md").read_text(encoding="utf-8")
    for needle in ["Open Referral", "CC BY-SA 4.0", "279fd2e", "PR #574", "openreferral/specification"]:
        assert needle in source, needle
