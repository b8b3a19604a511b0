# SPDX-License-Identifier: EUPL-1.2
"""The one place that knows what a Dutch postcode and house number look like.

Postcode (PostNL): four digits not starting with 0, then two letters, written "1234 AB" (PC6). The
letter pairs SA, SD and SS are never issued, so they are refused rather than stored. A resident
searching the public map may type only the four digits (PC4, "1234"); callers that accept that pass
`allow_pc4=True`.

House number (BAG, Basisregistratie Adressen en Gebouwen): a huisnummer 1-99999, an optional
huisletter (exactly one letter) and an optional huisnummertoevoeging (1-4 letters or digits).
`parse_huisnummer("12a-3")` gives `Huisnummer(12, "A", "3")`. Letters are stored in upper case so
"12a" and "12A" are the same address.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_PC6 = re.compile(r"^\s*([1-9]\d{3})\s*([A-Za-z]{2})\s*$")
_PC4 = re.compile(r"^\s*([1-9]\d{3})\s*$")
# PostNL never issues these letter pairs (SA/SD/SS evoke the Second World War organisations).
NEVER_ISSUED = frozenset({"SA", "SD", "SS"})

# "12", "12a", "12 A", "12-3", "12a-3", "12 A 3", "12 bis", "12-hs", "12/2".
_HUISNUMMER = re.compile(
    r"""^\s*(?P<nummer>\d{1,5})
        (?:\s*(?P<letter>[A-Za-z])(?![A-Za-z0-9]))?     # one letter, not the start of a longer word
        # a toevoeging after "-", "/" or a space; straight after the digits only when it starts with a
        # letter ("12hs"), so "100000" is not read as 10000 with toevoeging 0
        (?:(?:\s*[-/]\s*|\s+|(?=[A-Za-z]))(?P<toevoeging>[A-Za-z0-9]{1,4}))?
        \s*$""",
    re.VERBOSE,
)
MAX_HUISNUMMER = 99999


def _postcode_error() -> ValidationError:
    return ValidationError(_("Vul een geldige postcode in, zoals 1234 AB."), code="postcode")


def normalise_postcode(value: str, *, allow_pc4: bool = False) -> str:
    """'1234ab', ' 1234 AB ' → '1234 AB'; with `allow_pc4`, '1234' → '1234'.

    Raises ValidationError (Dutch message, code "postcode") for anything that is no Dutch postcode.
    """
    text = value or ""
    match = _PC6.match(text)
    if match:
        letters = match.group(2).upper()
        if letters in NEVER_ISSUED:
            raise _postcode_error()
        return f"{match.group(1)} {letters}"
    if allow_pc4:
        match = _PC4.match(text)
        if match:
            return match.group(1)
    raise _postcode_error()


def try_normalise_postcode(value: str | None, *, allow_pc4: bool = False) -> str | None:
    """Like `normalise_postcode`, but None instead of an error (for search boxes and imports)."""
    try:
        return normalise_postcode(value or "", allow_pc4=allow_pc4)
    except ValidationError:
        return None


def compact_postcode(postcode: str) -> str:
    """'1234 AB' → '1234AB': the form PDOK, BAG extracts and many CSV files use."""
    return postcode.replace(" ", "")


def is_pc4(postcode: str) -> bool:
    """Whether a normalised postcode is a PC4 area ('1234') rather than a PC6 ('1234 AB')."""
    return len(postcode) == 4


class Huisnummer(NamedTuple):
    nummer: int
    letter: str = ""
    toevoeging: str = ""

    def __str__(self) -> str:
        toevoeging = f"-{self.toevoeging}" if self.toevoeging else ""
        return f"{self.nummer}{self.letter}{toevoeging}"


def parse_huisnummer(value: str | int) -> Huisnummer:
    """'12a-3' → Huisnummer(12, 'A', '3'); '12 bis' → (12, '', 'BIS'); '7' → (7, '', '').

    Raises ValidationError (Dutch message, code "huisnummer") when it is not a BAG house number.
    """
    match = _HUISNUMMER.match(str(value))
    nummer = int(match.group("nummer")) if match else 0
    if not match or not 1 <= nummer <= MAX_HUISNUMMER:
        raise ValidationError(
            _("Vul een geldig huisnummer in, zoals 12, 12a of 12-3."), code="huisnummer"
        )
    return Huisnummer(nummer, (match.group("letter") or "").upper(), (match.group("toevoeging") or "").upper())


def normalise_huisletter(value: str) -> str:
    """One letter, upper case, or ''; raises ValidationError otherwise."""
    letter = (value or "").strip().upper()
    if letter and not (len(letter) == 1 and letter.isascii() and letter.isalpha()):
        raise ValidationError(_("Een huisletter is één letter, zoals A."), code="huisletter")
    return letter


def normalise_toevoeging(value: str) -> str:
    """1-4 letters or digits, upper case, or ''; raises ValidationError otherwise."""
    toevoeging = (value or "").strip().upper()
    if toevoeging and not re.fullmatch(r"[A-Z0-9]{1,4}", toevoeging):
        raise ValidationError(
            _("Een huisnummertoevoeging is hoogstens 4 letters of cijfers, zoals 3 of HS."), code="toevoeging"
        )
    return toevoeging
