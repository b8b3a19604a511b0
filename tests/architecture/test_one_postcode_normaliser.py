# SPDX-License-Identifier: EUPL-1.2
"""One postcode normaliser: every function that normalises a postcode lives in wijkteam/gebieden/postcodes.py."""

from __future__ import annotations

import ast
import re

from .import_rules import PACKAGE, ROOT, python_files

HOME = ROOT / PACKAGE / "gebieden" / "postcodes.py"
# Django's form hook `clean_postcode` is not a normaliser (it calls the one); anything that normalises,
# parses or canonicalises a postcode is.
_NORMALISER = re.compile(r"(normali[sz]|parse|canonical).*postcode|postcode.*(normali[sz]|parse|canonical)", re.I)


def test_postcodes_are_normalised_in_one_module_only():
    assert HOME.exists(), "wijkteam/gebieden/postcodes.py is missing"
    elsewhere = []
    for path in python_files(ROOT / PACKAGE):
        if path == HOME or "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and _NORMALISER.search(node.name):
                elsewhere.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.name}")
    assert not elsewhere, "Postcode normalisers outside gebieden/postcodes.py:\n" + "\n".join(elsewhere)
