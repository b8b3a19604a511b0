# SPDX-License-Identifier: EUPL-1.2
"""The English catalogue says everything the Dutch UI says.

The UI is Dutch and every string goes through gettext; a string without English shows Dutch to an English
reader, in the middle of an English page. Three promises, each its own test:

1. every entry of wijkteam/locale/en/LC_MESSAGES/django.po is translated and not fuzzy, with the same
   placeholders and HTML tags as the Dutch (a lost ``%(naam)s`` raises KeyError at render time; a lost tag
   breaks the page);
2. the committed django.mo says what django.po says (the .mo is what Django reads; a machine without gettext
   cannot compile it);
3. every translatable string in the code is in the catalogue: makemessages runs on a copy of the package
   (never on the tree, other work may be in progress there) and no entry may come out new or fuzzy.
   Skipped where gettext's xgettext is not installed.
"""

from __future__ import annotations

import ast
import gettext
import re
import shutil
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import override_settings

ROOT = Path(__file__).resolve().parents[2]
LOCALE = ROOT / "wijkteam" / "locale"
PO = LOCALE / "en" / "LC_MESSAGES" / "django.po"
MO = LOCALE / "en" / "LC_MESSAGES" / "django.mo"

PLACEHOLDER = re.compile(r"%(?:\(\w+\))?[sdif]")
# Element names only: "Bearer <sleutel>" in an API message is a placeholder for the reader, not HTML.
TAG = re.compile(r"</?(?:a|abbr|b|br|code|em|i|kbd|li|ol|p|small|span|strong|time|ul)\b[^>]*>")


@dataclass
class Entry:
    msgid: str = ""
    msgid_plural: str | None = None
    msgctxt: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    obsolete: bool = False
    line: int = 0

    def where(self) -> str:
        return f"django.po line {self.line}: {self.msgid[:70]!r}"


def parse_po(path: Path) -> list[Entry]:
    """A small reader for the PO files gettext writes (no dependency needed for one file format)."""
    entries: list[Entry] = []
    current = Entry()
    target: tuple[str, int] | None = None

    def finish() -> None:
        nonlocal current
        if current.line:
            entries.append(current)
        current = Entry()

    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line:
            finish()
            target = None
            continue
        if line.startswith("#~"):
            current.obsolete = True
            current.line = current.line or number
            continue
        if line.startswith("#,"):
            current.flags.update(flag.strip() for flag in line[2:].split(","))
            continue
        if line.startswith("#"):
            continue
        keyword, _, rest = line.partition(" ")
        if line.startswith('"'):
            text = ast.literal_eval(line)
        else:
            text = ast.literal_eval(rest)
            target = ("msgstr", int(keyword[7:-1])) if keyword.startswith("msgstr[") else (keyword, 0)
            current.line = current.line or number
        assert target is not None, f"django.po line {number}: text outside an entry"
        name, index = target
        if name == "msgid":
            current.msgid += text
        elif name == "msgid_plural":
            current.msgid_plural = (current.msgid_plural or "") + text
        elif name == "msgctxt":
            current.msgctxt = (current.msgctxt or "") + text
        elif name == "msgstr":
            current.msgstr[index] = current.msgstr.get(index, "") + text
        else:
            raise AssertionError(f"django.po line {number}: unknown keyword {keyword}")
    finish()
    return [e for e in entries if e.msgid and not e.obsolete]


def untranslated(entries: list[Entry]) -> list[str]:
    wanted = 2  # Plural-Forms: nplurals=2 for English
    return [
        e.where() + (" (fuzzy)" if "fuzzy" in e.flags else " (no English)")
        for e in entries
        if "fuzzy" in e.flags
        or not all(e.msgstr.get(i) for i in (range(wanted) if e.msgid_plural is not None else [0]))
    ]


def test_every_entry_has_english_and_none_is_fuzzy() -> None:
    entries = parse_po(PO)
    assert len(entries) > 2000, "the catalogue looks truncated"
    missing = untranslated(entries)
    assert not missing, f"{len(missing)} entries without English:\n" + "\n".join(missing[:50])


def test_translations_keep_placeholders_and_html_tags() -> None:
    problems = []
    for e in parse_po(PO):
        sources = [e.msgid] if e.msgid_plural is None else [e.msgid, e.msgid_plural]
        for index, source in enumerate(sources):
            english = e.msgstr.get(index, "")
            if not english:
                continue  # reported by the test above
            if Counter(PLACEHOLDER.findall(source)) != Counter(PLACEHOLDER.findall(english)):
                problems.append(f"{e.where()}: placeholders differ in {english!r}")
            if Counter(TAG.findall(source)) != Counter(TAG.findall(english)):
                problems.append(f"{e.where()}: HTML tags differ in {english!r}")
    assert not problems, "\n".join(problems)


def test_compiled_catalogue_matches_the_po_file() -> None:
    with MO.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    stale = []
    for e in parse_po(PO):
        if "fuzzy" in e.flags:
            continue  # msgfmt leaves fuzzy entries out on purpose; the first test reports them
        if e.msgid_plural is None:
            got = [compiled.pgettext(e.msgctxt, e.msgid) if e.msgctxt else compiled.gettext(e.msgid)]
        elif e.msgctxt:
            got = [compiled.npgettext(e.msgctxt, e.msgid, e.msgid_plural, n) for n in (1, 2)]
        else:
            got = [compiled.ngettext(e.msgid, e.msgid_plural, n) for n in (1, 2)]
        if got != [e.msgstr.get(i, "") for i in range(len(got))]:
            stale.append(e.where())
    assert not stale, "django.mo is older than django.po; run compilemessages:\n" + "\n".join(stale[:20])


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="gettext's xgettext is not installed")
def test_every_string_in_the_code_is_in_the_catalogue(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy = tmp_path / "wijkteam"
    shutil.copytree(ROOT / "wijkteam", copy, ignore=shutil.ignore_patterns("__pycache__", "*.mo", "static"))
    monkeypatch.chdir(tmp_path)
    with override_settings(LOCALE_PATHS=[copy / "locale"]):
        call_command("makemessages", locale=["en"], no_obsolete=True, verbosity=0)
    fresh = parse_po(copy / "locale" / "en" / "LC_MESSAGES" / "django.po")
    missing = untranslated(fresh)
    assert not missing, (
        f"{len(missing)} strings in the code have no English; run makemessages -l en --no-obsolete and "
        "translate them:\n" + "\n".join(m.replace("django.po line", "fresh catalogue line") for m in missing[:50])
    )
