# SPDX-License-Identifier: EUPL-1.2
"""The dependency table of docs/architecture.md: a row for every app on disk, none that allows a
forbidden pair, and no cycle between apps (layers, not a web)."""

from __future__ import annotations

from graphlib import CycleError, TopologicalSorter

from .import_rules import PROJECT, load_rules, scan


def test_every_app_directory_has_a_row():
    rules = load_rules()
    missing = sorted(app for app in scan().apps if app not in rules.allowed)
    assert not missing, f"Apps without a row in docs/architecture.md: {missing}"


def test_the_table_allows_nothing_the_forbidden_list_names():
    rules = load_rules()
    contradictions = sorted(
        (component, target)
        for component, targets in rules.allowed.items()
        for target in targets
        if target != "*" and rules.forbids(f"wijkteam.{component}", component, target)
    )
    assert not contradictions


def test_the_allowed_dependencies_between_apps_have_no_cycle():
    rules = load_rules()
    graph = {c: {t for t in targets if t != "*"} for c, targets in rules.allowed.items() if c != PROJECT}
    try:
        tuple(TopologicalSorter(graph).static_order())
    except CycleError as error:
        raise AssertionError(f"Cycle in the dependency table: {error.args[1]}") from None
