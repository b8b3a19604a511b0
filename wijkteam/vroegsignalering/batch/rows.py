# SPDX-License-Identifier: EUPL-1.2
"""Validation of one row of the signal file: a `SignalRow` ready to store, or Dutch errors naming the column.

The rules (issue 17 item 2): BSN passes the 11-proef when given (python-stdnum); achternaam and
geboortedatum are required without a BSN (they are what a person is matched on then); huisnummer
required; postcode and huisnummer by `gebieden.postcodes`; dates real (dd-mm-jjjj or ISO, detected per
value), not in the future, ontstaansdatum not after signaaldatum; bedrag whole euros >= 0; a known
partner type (the file's word mapped to EnumSignaalpartner, case-insensitive). The same `SignalRow`
feeds the API later, so a signal means the same whatever way it arrived.

Speed matters (a million-row file): dates are parsed through a cache (a month's file has few distinct
dates), and the common shapes take a fast path before the general one.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _
from stdnum.nl import bsn as stdnum_bsn

from wijkteam.core.forms import EARLIEST_YEAR
from wijkteam.gebieden.postcodes import normalise_postcode, normalise_toevoeging, parse_huisnummer

from ..models import Signaalpartner
from .reader import COLUMNS as _ALL_COLUMNS


@dataclass(slots=True, frozen=True)
class SignalRow:
    """One valid signal: normalised, typed, as every source hands it to the write path."""

    bsn: str
    voorletters: str
    voorvoegsel: str
    achternaam: str
    geboortedatum: dt.date | None
    straat: str
    postcode: str
    huisnummer: int
    huisletter: str
    toevoeging: str
    plaats: str
    telefoon: str
    email: str
    partnertype: str
    partnernaam: str
    bedrag: int
    ontstaansdatum: dt.date
    signaaldatum: dt.date
    crisissignaal: bool
    warme_overdracht: bool

    @property
    def adres_key(self) -> tuple[str, int, str, str]:
        return (self.postcode, self.huisnummer, self.huisletter, self.toevoeging)


def pack(rij: int, row: SignalRow) -> tuple[Any, ...]:
    """A valid row as plain values (dates as ordinals) for the spool between the passes (pickled)."""
    return (rij, row.bsn, row.voorletters, row.voorvoegsel, row.achternaam,
            row.geboortedatum.toordinal() if row.geboortedatum else 0, row.straat, row.postcode, row.huisnummer,
            row.huisletter, row.toevoeging, row.plaats, row.telefoon, row.email, row.partnertype, row.partnernaam,
            row.bedrag, row.ontstaansdatum.toordinal(), row.signaaldatum.toordinal(), row.crisissignaal,
            row.warme_overdracht)


@lru_cache(maxsize=8192)
def _from_ordinal(value: int) -> dt.date:
    return dt.date.fromordinal(value)


def unpack(values: tuple[Any, ...]) -> tuple[int, SignalRow]:
    fields = list(values[1:])
    fields[4] = _from_ordinal(fields[4]) if fields[4] else None  # geboortedatum
    fields[16] = _from_ordinal(fields[16])  # ontstaansdatum
    fields[17] = _from_ordinal(fields[17])  # signaaldatum
    return int(values[0]), SignalRow(*fields)


@dataclass(slots=True, frozen=True)
class RowError:
    kolom: str
    waarde: str
    melding: str


# The file's words for partner types (lower case) → EnumSignaalpartner. The enum's own values and
# Dutch labels are added below; these are the other words suppliers use.
_PARTNER_WORDS = {
    "zorgverzekeraar": Signaalpartner.ZORG,
    "zorgverzekering": Signaalpartner.ZORG,
    "verhuurder": Signaalpartner.HUUR,
    "woningcorporatie": Signaalpartner.HUUR,
    "energieleverancier": Signaalpartner.ENERGIE,
    "drinkwaterbedrijf": Signaalpartner.WATER,
    "waterbedrijf": Signaalpartner.WATER,
    "hypotheekverstrekker": Signaalpartner.HYPOTHEEK,
    "toeslagen": Signaalpartner.DIENST_TOESLAGEN,
    "overig": Signaalpartner.OVERIGE,
    "cak zorgverzekering": Signaalpartner.CAK_ZORGVERZEKERINGEN,
    "cak eigen bijdragen": Signaalpartner.CAK_EIGEN_BIJDRAGE,
}


@lru_cache(maxsize=1)
def _partner_map() -> dict[str, str]:
    words = {value.lower(): value for value in Signaalpartner.values}
    words.update({str(label).lower(): value for value, label in Signaalpartner.choices})
    words.update({k: str(v) for k, v in _PARTNER_WORDS.items()})
    return words


@lru_cache(maxsize=512)
def partnertype_from_word(word: str) -> str | None:
    return _partner_map().get(" ".join(word.lower().replace("_", " ").split()))


_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DUTCH = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")


@lru_cache(maxsize=8192)
def parse_date(value: str) -> dt.date | None:
    """dd-mm-jjjj (also with / or .) or jjjj-mm-dd; None when it is neither or no real date (31-02)."""
    match = _DUTCH.match(value)
    if match:
        day, month, year = match.groups()
    else:
        match = _ISO.match(value)
        if not match:
            return None
        year, month, day = match.groups()
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


_COLUMN_SET = frozenset(_ALL_COLUMNS)
_TRUE = frozenset({"ja", "j", "true", "1", "waar", "yes", "y"})
_FALSE = frozenset({"nee", "n", "false", "0", "onwaar", "no", ""})
MAX_BEDRAG = 99_999_999
_WHOLE = re.compile(r"^[0-9]+$")  # ASCII: \d also takes other scripts' digits
_NEGATIVE = re.compile(r"^-\s*\d+([.,]\d+)?$")
_NINE_DIGITS = re.compile(r"^[0-9]{9}$")
_LIMITS = {"voorletters": 20, "voorvoegsel": 20, "achternaam": 200, "straatnaam": 100, "plaatsnaam": 80,
           "telefoonnummer": 20, "partnernaam": 200, "email": 254}


@lru_cache(maxsize=65536)
def _postcode(value: str) -> str | None:
    try:
        return normalise_postcode(value)
    except ValidationError:
        return None


@lru_cache(maxsize=4096)
def _huisnummer(value: str) -> tuple[int, str, str] | None:
    try:
        parsed = parse_huisnummer(value)
    except ValidationError:
        return None
    return parsed.nummer, parsed.letter, parsed.toevoeging


def _bsn(value: str) -> str | None:
    """The BSN as 9 digits, or None when it fails the 11-proef (python-stdnum)."""
    if _NINE_DIGITS.match(value):  # the common shape: skip compact()'s work
        return value if value != "000000000" and stdnum_bsn.checksum(value) == 0 else None
    compact = stdnum_bsn.compact(value)
    return compact if stdnum_bsn.is_valid(compact) else None


def validate_row(values: dict[str, str], *, today: dt.date) -> tuple[SignalRow | None, list[RowError]]:
    """Check one row; returns the SignalRow (when valid) and every error found in it (all, not the first)."""
    errors: list[RowError] = []
    # The reader hands in every column (absent ones as ""); other callers (the API) may leave some out.
    v = values if values.keys() >= _COLUMN_SET else {kolom: values.get(kolom, "") for kolom in _ALL_COLUMNS}

    def error(kolom: str, melding: str) -> None:
        errors.append(RowError(kolom, values.get(kolom, "")[:200], melding))

    for kolom, limit in _LIMITS.items():
        if len(v[kolom]) > limit:
            error(kolom, _("Te lang: hoogstens %(n)s tekens.") % {"n": limit})

    bsn = ""
    if v["bsn"]:
        checked = _bsn(v["bsn"])
        if checked is None:
            error("bsn", _("Dit BSN klopt niet: het moet 9 cijfers zijn en de 11-proef doorstaan."))
        else:
            bsn = checked
    achternaam = v["achternaam"]
    if not bsn and not achternaam and "bsn" not in {e.kolom for e in errors}:
        error("achternaam", _("Achternaam is verplicht als er geen BSN is."))

    def date(kolom: str, *, required: bool) -> dt.date | None:
        raw = v[kolom]
        if not raw:
            if required:
                error(kolom, _("Vul een datum in, zoals 31-12-2025 of 2025-12-31."))
            return None
        parsed = parse_date(raw)
        if parsed is None:
            error(kolom, _("Geen bestaande datum; schrijf die als 31-12-2025 of 2025-12-31."))
        elif parsed > today:
            error(kolom, _("Deze datum ligt in de toekomst."))
            return None
        elif parsed.year < EARLIEST_YEAR:
            # A typing error (0201 for 2021), not a debt or a birth: stored, it would order first in every list
            # and count as the household's oldest arrear. The same floor as every typed date in the app.
            error(kolom, _("Deze datum ligt voor %(jaar)s; controleer het jaartal.") % {"jaar": EARLIEST_YEAR})
            return None
        return parsed

    geboortedatum = date("geboortedatum", required=not bsn and not v["bsn"])
    ontstaansdatum = date("ontstaansdatum", required=True)
    signaaldatum = date("signaaldatum", required=True)
    if ontstaansdatum and signaaldatum and ontstaansdatum > signaaldatum:
        error("ontstaansdatum", _("De ontstaansdatum ligt na de signaaldatum (%(signaaldatum)s).")
              % {"signaaldatum": v["signaaldatum"]})

    postcode = _postcode(v["postcode"])
    if postcode is None:
        error("postcode", _("Geen geldige postcode; schrijf die als 1234 AB."))

    huisnummer, huisletter, toevoeging = 0, "", ""
    if not v["huisnummer"]:
        error("huisnummer", _("Huisnummer is verplicht."))
    else:
        parsed_nummer = _huisnummer(v["huisnummer"])
        if parsed_nummer is None:
            error("huisnummer", _("Geen geldig huisnummer; schrijf het als 12, 12a of 12-3."))
        else:
            huisnummer, huisletter, toevoeging = parsed_nummer
    if v["huisnummertoevoeging"]:
        try:
            extra = normalise_toevoeging(v["huisnummertoevoeging"])
        except ValidationError:
            error("huisnummertoevoeging", _("Een toevoeging is hoogstens 4 letters of cijfers, zoals 3 of HS."))
        else:
            # Suppliers write BAG's huisletter ("10 A") in the toevoeging column: one letter and no
            # huisletter yet is read as the huisletter, so "10A" from two suppliers is one address.
            if len(extra) == 1 and extra.isalpha() and not huisletter:
                huisletter = extra
            elif toevoeging and toevoeging != extra:
                error("huisnummertoevoeging", _("Het huisnummer heeft al een andere toevoeging."))
            else:
                toevoeging = extra

    email = v["email"]
    if email:
        try:
            validate_email(email)
        except ValidationError:
            error("email", _("Geen geldig e-mailadres."))

    partnertype = partnertype_from_word(v["partnertype"]) if v["partnertype"] else None
    if partnertype is None:
        error("partnertype", _("Onbekende soort signaalpartner. Kies uit: %(soorten)s.")
              % {"soorten": ", ".join(Signaalpartner.values)})

    bedrag = 0
    raw_bedrag = v["bedrag"].replace("€", "").replace(" ", "")
    if _WHOLE.match(raw_bedrag):
        # Length first: int() refuses more than 4,300 digits (ValueError), which failed the whole file.
        if len(raw_bedrag.lstrip("0")) > len(str(MAX_BEDRAG)) or int(raw_bedrag) > MAX_BEDRAG:
            error("bedrag", _("Dit bedrag is te hoog."))
        else:
            bedrag = int(raw_bedrag)
    elif not raw_bedrag:
        error("bedrag", _("Bedrag is verplicht: een heel bedrag in euro's, zoals 450."))
    elif _NEGATIVE.match(raw_bedrag):
        error("bedrag", _("Het bedrag mag niet negatief zijn."))
    else:
        error("bedrag", _("Het bedrag moet een heel getal in euro's zijn, zonder centen, zoals 450."))

    flags = {}
    for kolom in ("crisissignaal", "warme_overdracht"):
        word = v[kolom].lower()
        if word in _TRUE:
            flags[kolom] = True
        elif word in _FALSE:
            flags[kolom] = False
        else:
            error(kolom, _("Schrijf ja of nee."))

    if errors:
        return None, errors
    assert partnertype is not None and ontstaansdatum is not None and signaaldatum is not None
    return SignalRow(
        bsn=bsn, voorletters=v["voorletters"], voorvoegsel=v["voorvoegsel"], achternaam=achternaam,
        geboortedatum=geboortedatum, straat=v["straatnaam"], postcode=postcode or "", huisnummer=huisnummer,
        huisletter=huisletter, toevoeging=toevoeging, plaats=v["plaatsnaam"], telefoon=v["telefoonnummer"],
        email=email, partnertype=partnertype, partnernaam=v["partnernaam"], bedrag=bedrag,
        ontstaansdatum=ontstaansdatum, signaaldatum=signaaldatum, crisissignaal=flags["crisissignaal"],
        warme_overdracht=flags["warme_overdracht"],
    ), []
