# SPDX-License-Identifier: EUPL-1.2
"""Imports inside functions only where a real cycle forces it, each with a comment saying why."""

from __future__ import annotations

from .import_rules import scan, unexplained_function_imports


def test_every_function_level_import_in_wijkteam_has_a_comment_why():
    found = unexplained_function_imports(scan())
    assert not found, f"{len(found)} function-level imports without a reason:\n" + "\n".join(found)
