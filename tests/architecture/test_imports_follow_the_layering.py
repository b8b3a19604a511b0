# SPDX-License-Identifier: EUPL-1.2
"""No import in wijkteam/ breaks the dependency table of docs/architecture.md (base → domain, the public
map → residents' data, anything → demo, a capability → monitoring, ...)."""

from __future__ import annotations

from .import_rules import load_rules, scan, violations


def test_every_import_in_wijkteam_follows_the_dependency_table():
    problems = violations(load_rules(), scan())
    assert not problems, "Imports that break docs/architecture.md:\n" + "\n".join(problems)
