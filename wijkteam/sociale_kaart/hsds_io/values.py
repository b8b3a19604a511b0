# SPDX-License-Identifier: EUPL-1.2
"""One HSDS value in and out: parse a CSV/JSON value (or say in Dutch why not), format one for export.

Parsing follows the JSON Schema of the field (type, format, enum) and then the column that stores it
(length, whole numbers, decimals), so anything accepted here also fits the database on SQLite and
PostgreSQL alike. Formatting is the inverse, used by the CSV exporter and the API alike, so a value
exported and imported again is the same value.

Spreadsheet formulas: the CSV package is opened by people in Excel or LibreOffice, and a partner can
name a service `=HYPERLINK("https://evil.example", "Klik")`. A text cell that a spreadsheet would
run as a formula is exported with one extra leading apostrophe (`wijkteam.core.csv_safety`, shared by
every CSV export of the application). To keep the HSDS round trip lossless the CSV reader removes
exactly one apostrophe again, and only in front of such a character (`restore_formula`), so every
value comes back as it was. HSDS JSON is not touched: nobody opens it in a spreadsheet.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import uuid
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _

# restore_formula re-exported: the CSV reader and the tests of the HSDS round trip import both from here.
from wijkteam.core.csv_safety import defuse_formula
from wijkteam.core.csv_safety import restore_formula as restore_formula

from .schemas import is_uri, is_web_url
from .tables import Column

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TIME = re.compile(r"^(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?([Zz]|[+-]\d{2}:\d{2})?$")
_DATETIME = re.compile(r"^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}:\d{2}(?::\d{2})?)(\.\d+)?([Zz]|[+-]\d{2}:?\d{2})?$")
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
_MAX_SHOWN = 60
# A text that starts with these (after any apostrophes) is prefixed with one apostrophe in CSV.
_POSITIVE = (models.PositiveIntegerField, models.PositiveSmallIntegerField, models.PositiveBigIntegerField)


class ValueProblem(ValueError):
    """A value that does not fit its field; `message` is the Dutch explanation."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def shown(raw: str) -> str:
    """The value as quoted in a message: shortened, so one bad description does not flood the list."""
    return raw if len(raw) <= _MAX_SHOWN else raw[: _MAX_SHOWN - 1] + "…"


def is_empty(raw: str | None) -> bool:
    return raw is None or raw.strip() == ""


def empty_value(column: Column) -> Any:
    """What an empty cell stores: NULL where the column allows it, else the empty string."""
    return None if column.model_field.null else ""


def parse(column: Column, raw: str) -> Any:
    """The Python value for a non-empty raw value, or ValueProblem."""
    kind = column.kind
    if kind == "uuid":
        return parse_uuid(raw)
    if column.enum:
        if raw not in column.enum:
            raise ValueProblem(
                _("'%(value)s' is geen geldige waarde (toegestaan: %(allowed)s)")
                % {"value": shown(raw), "allowed": ", ".join(column.enum)}
            )
        return raw
    if kind == "number":
        return _parse_number(column.model_field, raw)
    if kind == "date":
        return parse_date(raw)
    if kind == "time":
        return _parse_time(raw)
    if kind == "datetime":
        return parse_datetime(raw)
    return _parse_string(column, raw)


def parse_uuid(raw: str) -> uuid.UUID:
    value = raw.strip()
    try:
        parsed = uuid.UUID(value)
    except ValueError:
        parsed = None
    # uuid.UUID also takes "{...}" and 32 hex digits without dashes; HSDS wants the usual form.
    if parsed is None or len(value) != 36:
        raise ValueProblem(
            _("'%(value)s' is geen geldige UUID (zoals 3f2504e0-4f89-41d3-9a0c-0305e82c3301)") % {"value": shown(raw)}
        )
    return parsed


def parse_date(raw: str) -> dt.date:
    value = raw.strip()
    try:
        if not _DATE.match(value):
            raise ValueError
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValueProblem(
            _("'%(value)s' is geen geldige datum (gebruik JJJJ-MM-DD, bijvoorbeeld 2026-11-25)") % {"value": shown(raw)}
        ) from None


def _parse_time(raw: str) -> dt.time:
    value = raw.strip()
    match = _TIME.match(value)
    problem = ValueProblem(
        _("'%(value)s' is geen geldige tijd (gebruik UU:MM of UU:MM:SS, bijvoorbeeld 09:30)") % {"value": shown(raw)}
    )
    if not match:
        raise problem
    hours, minutes, seconds = int(match[1]), int(match[2]), int(match[3] or 0)
    if hours > 23 or minutes > 59 or seconds > 59:
        raise problem
    fraction = int(((match[4] or ".0")[1:] + "000000")[:6])
    value_time = dt.time(hours, minutes, seconds, fraction)
    if match[5]:
        # A TimeField carries no offset: convert to local wall-clock time (on today's date, for DST).
        offset = dt.UTC if match[5] in {"Z", "z"} else _offset(match[5])
        moment = dt.datetime.combine(timezone.localdate(), value_time, tzinfo=offset)
        value_time = timezone.localtime(moment).time()
    return value_time


def _offset(text: str) -> dt.timezone:
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    return dt.timezone(sign * dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:4])))


def parse_datetime(raw: str) -> dt.datetime:
    value = raw.strip()
    match = _DATETIME.match(value)
    problem = ValueProblem(
        _("'%(value)s' is geen geldig tijdstip (gebruik bijvoorbeeld 2026-11-25T10:15:00Z)") % {"value": shown(raw)}
    )
    if not match:
        raise problem
    fraction = (match[3] or "")[:7]  # at most microseconds
    zone = match[4] or ""
    if zone in {"Z", "z"}:
        zone = "+00:00"
    elif zone and ":" not in zone:
        zone = f"{zone[:3]}:{zone[3:]}"
    try:
        parsed = dt.datetime.fromisoformat(f"{match[1]}T{match[2]}{fraction}{zone}")
    except ValueError:
        raise problem from None
    if timezone.is_naive(parsed):
        parsed = timezone.make_aware(parsed)
    return parsed


def _parse_number(field: models.Field, raw: str) -> Any:
    value = raw.strip()
    if not _NUMBER.match(value):
        hint = _(" (gebruik een punt als decimaalteken, bijvoorbeeld 2.50)") if "," in value else ""
        raise ValueProblem(_("'%(value)s' is geen getal") % {"value": shown(raw)} + hint)
    try:
        number = Decimal(value)
    except InvalidOperation:
        raise ValueProblem(_("'%(value)s' is geen getal") % {"value": shown(raw)}) from None
    try:
        return _fitted_number(field, number, raw)
    except ValueProblem:
        raise
    except (ValueError, ArithmeticError):
        # Whatever a strange number still trips in the conversion is this cell's problem, not a crash.
        raise ValueProblem(_("'%(value)s' is te groot") % {"value": shown(raw)}) from None


def _fitted_number(field: models.Field, number: Decimal, raw: str) -> Any:
    """The parsed number as the column stores it, or ValueProblem.

    The size is judged by the exponent (`adjusted()`) before anything converts the number: the pattern
    allows exponents, and int() of a cell like 1e100000000 would keep the worker busy for hours.
    """
    # Digits before the point, minus one (1e3 -> 3, 0.5 -> -1); zero counts as small whatever its exponent.
    magnitude = -1 if number.is_zero() else number.adjusted()
    if isinstance(field, models.DecimalField):
        decimal_places = field.decimal_places or 0
        if _decimals(number) > decimal_places:
            raise ValueProblem(
                _("'%(value)s' heeft te veel cijfers achter de punt (maximaal %(max)s)")
                % {"value": shown(raw), "max": field.decimal_places}
            )
        if magnitude >= (field.max_digits or 0) - decimal_places:
            raise ValueProblem(_("'%(value)s' is te groot") % {"value": shown(raw)})
        return number
    if isinstance(field, models.IntegerField):
        limit = 32767 if isinstance(field, models.SmallIntegerField | models.PositiveSmallIntegerField) else 2147483647
        if _decimals(number) > 0:
            raise ValueProblem(_("'%(value)s' moet een geheel getal zijn") % {"value": shown(raw)})
        if isinstance(field, _POSITIVE) and number < 0:
            raise ValueProblem(_("'%(value)s' mag niet negatief zijn") % {"value": shown(raw)})
        if magnitude > 18:
            raise ValueProblem(_("'%(value)s' is te groot (maximaal %(max)s)") % {"value": shown(raw), "max": limit})
        whole = int(number)
        if whole > limit:
            raise ValueProblem(_("'%(value)s' is te groot (maximaal %(max)s)") % {"value": shown(raw), "max": limit})
        return whole
    as_float = float(number)
    if not math.isfinite(as_float):
        raise ValueProblem(_("'%(value)s' is te groot") % {"value": shown(raw)})
    return as_float


def _decimals(number: Decimal) -> int:
    """Digits that matter after the point (2.50 -> 1, 1e-3 -> 3, 1e5 -> 0), without rounding context.

    Decimal.normalize() would do, but it rounds to the context and overflows on exponents like 1e999999999.
    """
    if number.is_zero():
        return 0
    _sign, digits, exponent = number.as_tuple()
    if not isinstance(exponent, int):  # NaN or Infinity; the pattern lets neither through
        return 0
    trailing_zeros = len(digits) - len("".join(map(str, digits)).rstrip("0"))
    return max(0, -(exponent + trailing_zeros))


def _parse_string(column: Column, raw: str) -> str:
    field = column.model_field
    if column.format == "email":
        try:
            validate_email(raw.strip())
        except ValidationError:
            raise ValueProblem(_("'%(value)s' is geen geldig e-mailadres") % {"value": shown(raw)}) from None
        raw = raw.strip()
    elif column.format == "uri":
        value = raw.strip()
        if not is_uri(value):
            raise ValueProblem(
                _("'%(value)s' is geen geldige URL (begin met https://, bijvoorbeeld https://voorbeeld.nl)")
                % {"value": shown(raw)}
            )
        if not is_web_url(value):
            # Shown as a link on the public page: javascript: or data: would run in the visitor's browser.
            raise ValueProblem(
                _("'%(value)s' is geen webadres; alleen adressen die beginnen met http:// of https:// zijn "
                  "toegestaan (bijvoorbeeld https://voorbeeld.nl)")
                % {"value": shown(raw)}
            )
        raw = value
    max_length = getattr(field, "max_length", None)
    if max_length and len(raw) > max_length:
        raise ValueProblem(
            _("de waarde is te lang: %(length)s tekens, maximaal %(max)s") % {"length": len(raw), "max": max_length}
        )
    return raw


# --- Out --------------------------------------------------------------------------------------


def format_datetime(value: dt.datetime) -> str:
    """RFC 3339 in UTC with "Z"; milliseconds when the value has them (as in HSDS's examples)."""
    utc = value.astimezone(dt.UTC)
    if utc.microsecond == 0:
        text = utc.strftime("%Y-%m-%dT%H:%M:%S")
    elif utc.microsecond % 1000 == 0:
        text = utc.strftime("%Y-%m-%dT%H:%M:%S.") + f"{utc.microsecond // 1000:03d}"
    else:
        text = utc.strftime("%Y-%m-%dT%H:%M:%S.%f")
    return text + "Z"


def to_json(value: Any) -> Any:
    """A stored value as an HSDS JSON value (None for "leave it out")."""
    if value is None or value == "":
        return None
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, dt.datetime):
        return format_datetime(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.strftime("%H:%M:%S")
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, float):
        return int(value) if value.is_integer() else value
    return value


def to_csv(value: Any) -> str:
    """A stored value as the text of a CSV cell ("" for nothing); texts are defused against formulas."""
    if value is None:
        return ""
    if isinstance(value, str):
        return defuse_formula(value)
    if isinstance(value, Decimal):
        text = format(value.normalize(), "f")
        return text
    json_value = to_json(value)
    if json_value is None:
        return ""
    if isinstance(json_value, float):
        return repr(json_value)
    return str(json_value)
