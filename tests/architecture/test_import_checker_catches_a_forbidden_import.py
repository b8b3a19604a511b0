# SPDX-License-Identifier: EUPL-1.2
"""The import checker itself: on a synthetic tree it finds each kind of forbidden import (module level,
inside a function, relative, string import) and lets the allowed ones pass."""

from __future__ import annotations

from pathlib import Path

from .import_rules import DOC, load_rules, scan, unexplained_function_imports, violations


def _tree(tmp_path: Path, files: dict[str, str]) -> Path:
    for name in ["core", "accounts", "audit", "gebieden", "huishoudens", "sociale_kaart", "demo", "monitoring",
                 "sociale_kaart/public", "casussen"]:
        (tmp_path / "wijkteam" / name).mkdir(parents=True, exist_ok=True)
        (tmp_path / "wijkteam" / name / "__init__.py").write_text("")
    (tmp_path / "wijkteam" / "__init__.py").write_text("")
    for name, text in files.items():
        (tmp_path / "wijkteam" / name).write_text(text)
    return tmp_path


def _problems(tmp_path: Path, files: dict[str, str]) -> list[str]:
    root = _tree(tmp_path, files)
    return violations(load_rules(DOC), scan(root), root)


def test_allowed_imports_pass(tmp_path):
    assert _problems(tmp_path, {
        "huishoudens/views.py": "from wijkteam.accounts.decorators import require\nfrom . import access\n",
        "sociale_kaart/public/views.py": "from ..models import Service\nfrom wijkteam.gebieden import postcodes\n",
        "demo/steps.py": "from wijkteam.huishoudens import services\n",
        "casussen/views.py": "import wijkteam.huishoudens.access\n",
        "monitoring/figures.py": "from wijkteam.casussen import reads\n",
        "urls.py": "from django.urls import include\nX = include('wijkteam.huishoudens.urls')\n",
    }) == []


def test_base_importing_a_domain_app_is_caught(tmp_path):
    problems = _problems(tmp_path, {"audit/views.py": "from wijkteam.huishoudens.models import Persoon\n"})
    assert problems == [
        "wijkteam/audit/views.py:1: audit -> huishoudens (import of wijkteam.huishoudens.models) is not allowed"
    ]


def test_the_public_map_reading_residents_is_caught_even_inside_a_function(tmp_path):
    problems = _problems(tmp_path, {
        "sociale_kaart/public/views.py": "def f():\n    # cycle: none really\n    from wijkteam import huishoudens\n"
    })
    assert len(problems) == 1 and "sociale_kaart.public -> huishoudens" in problems[0]


def test_a_relative_import_is_resolved_before_checking(tmp_path):
    problems = _problems(tmp_path, {"sociale_kaart/public/views.py": "from ...huishoudens import models\n"})
    assert len(problems) == 1 and "sociale_kaart.public -> huishoudens" in problems[0]


def test_production_code_importing_demo_is_caught(tmp_path):
    problems = _problems(tmp_path, {
        "sociale_kaart/steps.py": "import wijkteam.demo.generator\n",
        "core/loader.py": "from importlib import import_module\nM = import_module('wijkteam.demo.staff')\n",
        "urls.py": "from wijkteam.demo import views\n",
    })
    assert [p.split(":")[0] for p in problems] == [
        "wijkteam/core/loader.py", "wijkteam/sociale_kaart/steps.py", "wijkteam/urls.py"
    ]


def test_a_capability_importing_monitoring_is_caught(tmp_path):
    problems = _problems(tmp_path, {"casussen/views.py": "from wijkteam.monitoring import figures\n"})
    assert len(problems) == 1 and "casussen -> monitoring" in problems[0]


def test_an_app_without_a_row_in_the_table_is_caught(tmp_path):
    (tmp_path / "wijkteam" / "nieuw").mkdir(parents=True)
    (tmp_path / "wijkteam" / "nieuw" / "__init__.py").write_text("")
    problems = _problems(tmp_path, {"nieuw/views.py": "from wijkteam.core import forms\n"})
    assert problems == ["wijkteam/nieuw/views.py:1: `nieuw` has no row in the dependency table of docs/architecture.md"]


def test_function_level_imports_need_a_comment(tmp_path):
    root = _tree(tmp_path, {"core/views.py": (
        "def bare():\n"
        "    from django.conf import settings\n"
        "def explained():\n"
        "    # cycle: models import this module at load time\n"
        "    from django.conf import settings\n"
        "    from django.db import models\n"
        "def inline():\n"
        "    import json  # only the export needs it; keeps start-up light\n"
        "def directive_only():\n"
        "    import json  # noqa: PLC0415\n"
    )})
    found = unexplained_function_imports(scan(root), root)
    assert [line.split(":")[1] for line in found] == ["2", "10"]
