# SPDX-License-Identifier: EUPL-1.2
"""docs/url-access.md, the role-by-URL table generated from the access rules, is up to date: a changed
rule shows in review as a changed row. Regenerate with
`WIJKTEAM_WRITE_DOCS=1 python3 run.py test -n 0 tests/architecture/test_url_access_table_is_current.py`."""

from __future__ import annotations

import os

from .import_rules import ROOT
from .matrix_rules import ROLES, expected_allowed, stand_in
from .url_rules import walk

DOC = ROOT / "docs" / "url-access.md"
HEADINGS = {"anonymous": "anonymous", "medewerker": "medewerker (own team)", "medewerker_b": "medewerker (other team)",
            "teamleider": "teamleider", "partner": "partner (own org.)", "partner_b": "partner (other org.)",
            "analist": "analist", "privacy": "privacy", "beheerder": "beheerder"}


def render() -> str:
    rows: dict[str, str] = {}
    for endpoint in walk():
        if endpoint.rule is None:
            continue
        route = "/beheer/… (the whole Django admin)" if endpoint.admin else f"/{endpoint.route}"
        cells = ["yes" if expected_allowed(endpoint.rule, role, stand_in(role)) else "no" for role in ROLES]
        rows[route] = f"| `{route}` | `{endpoint.rule.describe()}` | " + " | ".join(cells) + " |"
    return "\n".join([
        "<!-- SPDX-License-Identifier: EUPL-1.2 -->",
        "# Who may use which URL",
        "",
        "Generated from the access rules the views declare (see docs/architecture.md); do not edit by hand.",
        "Regenerate: `WIJKTEAM_WRITE_DOCS=1 python3 run.py test -n 0 "
        "tests/architecture/test_url_access_table_is_current.py`.",
        "The objects in the URLs belong to the own team's wijk and the own partner organisation; "
        "tests/architecture/test_role_url_matrix.py requests every URL as each of these roles and checks "
        "the answer, and that every refusal is on the audit trail.",
        "",
        "| URL | Rule | " + " | ".join(HEADINGS[r] for r in ROLES) + " |",
        "|---|---|" + "---|" * len(ROLES),
        *rows.values(),
        "",
    ])


def test_the_generated_url_access_table_is_current():
    text = render()
    if os.environ.get("WIJKTEAM_WRITE_DOCS") == "1":
        DOC.write_text(text, encoding="utf-8")
    assert DOC.exists() and DOC.read_text(encoding="utf-8") == text, (
        "docs/url-access.md is out of date; regenerate it (see this test's docstring)"
    )
