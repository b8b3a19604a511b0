# SPDX-License-Identifier: EUPL-1.2
"""The residents' sociale kaart: search, one service, and the wijk folder (HTML and PDF).

Public pages: no login, nothing personal. What residents type is never logged (it can say a lot
about them): the search logs counts only. Every page works without JavaScript; htmx swaps the
results in place and Leaflet draws a map next to the list, which stays the text alternative.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from typing import Any
from urllib.parse import urlencode
from uuid import UUID

import structlog
from django.conf import settings
from django.core.cache import caches
from django.core.paginator import Paginator
from django.db.models import Q
from django.db.models.query import prefetch_related_objects
from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect, QueryDict
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import patch_vary_headers
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from wijkteam.accounts.models import Team
from wijkteam.core.access_rules import public
from wijkteam.gebieden.models import Wijk

from .. import answer_cache
from ..duplicates import merged_into
from ..models import (
    Address,
    Attribute,
    LinkEntity,
    Location,
    LocationType,
    Phone,
    Schedule,
    Service,
    ServiceAtLocation,
    TaxonomyTerm,
)
from ..models.details import one_line_address
from ..schedules import (
    DAY_CODES,
    by_appointment,
    day_name,
    describe_all,
    format_date,
    format_time,
    is_open_at,
    next_opening,
)
from ..search import Interpretation, RankedHit, backends, search_ranked, vocabulary
from ..search.cards import CardLocation, parse_card
from ..taxonomies import DOELGROEP, LEVENSDOMEINEN, SOORT_AANBOD, shipped_taxonomies
from ..visibility import publicly_visible
from . import leaflet_pdf
from .forms import SearchForm, language_name, levensdomein_label

log = structlog.get_logger(__name__)

PER_PAGE = 20

# What the service page and the folder read, fetched in a fixed number of queries whatever the
# number of services. (Result cards come from the search index: see result_cards.)
BASE_PREFETCH = (
    "organization",
    "schedules",
    "cost_options",
    "service_at_locations__schedules",
    "service_at_locations__location__addresses",
)
FOLDER_PREFETCH = (
    *BASE_PREFETCH,
    "phones",
    "organization__phones",
    "service_at_locations__phones",
    "service_at_locations__location__phones",
    "service_at_locations__location__buurt",
)
DETAIL_PREFETCH = (
    *FOLDER_PREFETCH,
    "languages",
    "required_documents",
    "service_at_locations__location__accessibility",
    "service_at_locations__location__languages",
    "service_at_locations__location__schedules",
)


# --- Formatting (Dutch, B1) -------------------------------------------------------------------


def format_euro(amount: Decimal) -> str:
    """ "€ 2,50", "€ 1.250,00": Dutch grouping and decimal comma."""
    text = f"{amount:,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")
    return f"€\u00a0{text}"


def format_distance(km: float) -> str:
    """ "1,2 km" (never "0,0 km": very close is still 0,1 km)."""
    return f"{max(km, 0.1):.1f}".replace(".", ",") + "\u00a0km"


def format_age(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}".replace(".", ",")


def age_text(minimum: float | None, maximum: float | None) -> str:
    if minimum is not None and maximum is not None:
        return _("van %(min)s t/m %(max)s jaar") % {"min": format_age(minimum), "max": format_age(maximum)}
    if minimum is not None:
        return _("vanaf %(min)s jaar") % {"min": format_age(minimum)}
    if maximum is not None:
        return _("t/m %(max)s jaar") % {"max": format_age(maximum)}
    return ""


def tel_href(number: str) -> str:
    """tel: link target: digits and a leading +, as phones dial them."""
    digits = re.sub(r"[^\d+]", "", number)
    return f"tel:{digits}"


def address_text(address: Address) -> str:
    return one_line_address(address.address_1, address.postal_code, address.city)


def _physical_address(location: Location) -> Address | None:
    addresses = list(location.addresses.all())
    for address in addresses:
        if address.address_type == LocationType.PHYSICAL:
            return address
    return addresses[0] if addresses else None


def _when_text(moment: dt.datetime, now: dt.datetime) -> str:
    """ "vandaag 13:00", "morgen 10:00", "op dinsdag 10:00", "op dinsdag 8 december 10:00"."""
    local_now = timezone.localtime(now)
    local = timezone.localtime(moment)
    days = (local.date() - local_now.date()).days
    time_text = format_time(local.time())
    if days == 0:
        return _("vandaag %(time)s") % {"time": time_text}
    if days == 1:
        return _("morgen %(time)s") % {"time": time_text}
    day = day_name(DAY_CODES[local.weekday()])
    if days < 7:
        return _("op %(day)s %(time)s") % {"day": day, "time": time_text}
    return _("op %(day)s %(date)s %(time)s") % {"day": day, "date": format_date(local.date()), "time": time_text}


# --- What residents see of one service --------------------------------------------------------


def service_schedules(service: Service) -> list[Schedule]:
    """Opening times of the service itself and of the service at each of its locations.

    A location's own hours (the building) are not the service's hours, so they are not used here.
    """
    rows = list(service.schedules.all())
    for sal in service.service_at_locations.all():
        rows.extend(sal.schedules.all())
    return rows


@dataclass(frozen=True)
class OpeningStatus:
    is_open: bool
    text: str


def opening_status(schedules: Sequence[Schedule], now: dt.datetime, *, with_next: bool = False) -> OpeningStatus | None:
    """ "nu open" / "nu gesloten, weer open op dinsdag 10:00"; None when the times are unknown."""
    # Someone is there, but only for whoever has an appointment: never "nu open" for a walk-in.
    walk_in = [s for s in schedules if not by_appointment(s)]
    if not any(s.opens_at and s.closes_at for s in walk_in):
        if any(s.opens_at and s.closes_at for s in schedules):
            return OpeningStatus(False, _("op afspraak"))
        return None
    schedules = walk_in
    if is_open_at(schedules, now):
        return OpeningStatus(True, _("nu open"))
    if with_next:
        upcoming = next_opening(schedules, now)
        if upcoming is not None:
            return OpeningStatus(False, _("nu gesloten, weer open %(when)s") % {"when": _when_text(upcoming, now)})
    return OpeningStatus(False, _("nu gesloten"))


def _current(options: Iterable[Any], today: dt.date) -> list[Any]:
    return [
        o
        for o in options
        if (o.valid_from is None or o.valid_from <= today) and (o.valid_to is None or o.valid_to >= today)
    ]


def free_badge(service: Service, today: dt.date) -> str:
    """ "Gratis" when every current cost option is 0, "Kan gratis" when one is; "" otherwise."""
    return free_label(((o.amount, o.valid_from, o.valid_to) for o in service.cost_options.all()), today)


def _plain(text: str) -> str:
    """Text reduced for comparing: "€ 10,00" and "€10" both "10", "Per cursus (werkboek)" "percursuswerkboek"."""
    text = re.sub(r"(\d+),00\b", r"\1", text.lower())
    return re.sub(r"[^a-z0-9]", "", text)


def cost_text(amount_text: str, option: str, description: str) -> str:
    """One cost line without repeating itself: "Gratis", not "Gratis (Gratis)"; "€ 10 per cursus
    (werkboek)", not "€ 10,00 (Per cursus (werkboek) € 10 per cursus (werkboek))"."""
    extras: list[str] = []
    for part in (p.strip() for p in (option, description)):
        plain = _plain(part)
        if not plain or plain == _plain(amount_text) or any(plain in _plain(e) for e in extras):
            continue
        # A later, longer part that repeats an earlier one replaces it.
        extras = [e for e in extras if _plain(e) not in plain] + [part]
    amount_plain = _plain(amount_text)
    if amount_text and len(extras) == 1 and amount_plain and amount_plain in _plain(extras[0]):
        return extras[0]  # the publisher's own words already say the amount
    extra = " ".join(extras)
    return f"{amount_text} ({extra})" if amount_text and extra else amount_text or extra


def cost_lines(service: Service, today: dt.date) -> list[str]:
    lines = []
    for option in _current(service.cost_options.all(), today):
        if option.amount is not None and option.amount == 0:
            text = _("Gratis")
        elif option.amount is not None:
            text = (
                format_euro(option.amount) if option.currency in ("", "EUR") else f"{option.currency} {option.amount}"
            )
        else:
            text = ""
        lines.append(cost_text(text, option.option, option.amount_description))
    return list(dict.fromkeys(line for line in lines if line))


def service_phones(service: Service) -> list[Phone]:
    """The service's own numbers first, then at its locations, then the organisation's."""
    phones: list[Phone] = list(service.phones.all())
    for sal in service.service_at_locations.all():
        phones.extend(sal.phones.all())
        phones.extend(sal.location.phones.all())
    if not phones:
        phones.extend(service.organization.phones.all())
    seen: set[str] = set()
    unique = []
    for phone in phones:
        if phone.number not in seen:
            seen.add(phone.number)
            unique.append(phone)
    return unique


def _located(service: Service) -> list[Location]:
    return [sal.location for sal in service.service_at_locations.all()]


def _first_point(locations: Iterable[Location]) -> Location | None:
    for location in locations:
        if location.latitude is not None and location.longitude is not None:
            return location
    return None


def _service_domain_codes(service_ids: Sequence[UUID]) -> dict[UUID, list[str]]:
    """Levensdomein codes per service, in one query."""
    rows = (
        Attribute.objects.filter(
            link_entity=LinkEntity.SERVICE,
            link_id__in=list(service_ids),
            taxonomy_term__taxonomy__slug=LEVENSDOMEINEN,
        )
        .order_by("taxonomy_term__code")
        .values_list("link_id", "taxonomy_term__code")
    )
    codes: dict[UUID, list[str]] = {}
    for link_id, code in rows:
        codes.setdefault(link_id, []).append(code)
    return codes


_DOMAIN_CODE_BY_NAME: dict[str, str] = {}


def domain_label(value: str) -> str:
    """B1 label for a levensdomein given as code ("LD01") or as term name ("Financiën")."""
    if not _DOMAIN_CODE_BY_NAME:
        for taxonomy in shipped_taxonomies()["taxonomies"]:
            if taxonomy["slug"] == LEVENSDOMEINEN:
                for item in taxonomy["terms"]:
                    _DOMAIN_CODE_BY_NAME[item["name"].lower()] = item["code"]
    code = value if value.upper().startswith("LD") else _DOMAIN_CODE_BY_NAME.get(value.lower(), "")
    return levensdomein_label(code.upper(), value) if code else value


# --- Search -----------------------------------------------------------------------------------


@dataclass
class ResultCard:
    number: int
    service_id: UUID
    name: str
    alert: str
    organisation: str
    summary: str
    domains: list[str]
    distance: str
    status: OpeningStatus | None
    free: str
    location: CardLocation | None
    weak: bool = False  # a weak match: the first one gets the heading "Minder passend"
    back: str = ""  # the search's query string, for the service page's "Terug naar zoeken"

    @cached_property
    def url(self) -> str:
        url = reverse("sociale_kaart_public:service", args=[self.service_id])
        return f"{url}?{urlencode({BACK_PARAM: self.back})}" if self.back else url

    @property
    def address(self) -> str:
        return self.location.address if self.location is not None else ""

    @property
    def has_point(self) -> bool:
        return self.location is not None and self.location.latitude is not None and self.location.longitude is not None

    @property
    def map_attributes(self) -> str:
        """The data-* attributes the map script reads (a marker per card with a point), or ""."""
        if not self.has_point:
            return ""
        assert self.location is not None  # has_point says so; for the type checker
        return format_html(
            ' data-lat="{}" data-lon="{}" data-naam="{}" data-url="{}"',
            f"{self.location.latitude:.6f}",
            f"{self.location.longitude:.6f}",
            self.name,
            self.url,
        )

    @property
    def badges(self) -> list[tuple[str, str]]:
        """(class modifier, text) of each badge: open or closed, free, distance, the topics."""
        found: list[tuple[str, str]] = []
        if self.status is not None:
            is_open = self.status.is_open
            found.append((" wt-kenmerk--open", _("Nu open")) if is_open else (" wt-kenmerk--dicht", _("Gesloten")))
        if self.free:
            found.append((" wt-kenmerk--gratis", self.free))
        if self.distance:
            found.append(("", _("%(distance)s van u") % {"distance": self.distance}))
        found.extend((" wt-kenmerk--domein", label) for label in self.domains)
        return found


Period = tuple[Decimal | None, dt.date | None, dt.date | None]  # amount, valid from, valid to


def free_label(amounts_by_period: Iterable[Period], today: dt.date) -> str:
    """ "Gratis" when every current cost option is 0, "Kan gratis" when one is; "" otherwise."""
    amounts = [
        amount
        for amount, start, end in amounts_by_period
        if amount is not None and (start is None or start <= today) and (end is None or end >= today)
    ]
    if amounts and all(a == 0 for a in amounts):
        return _("Gratis")
    if any(a == 0 for a in amounts):
        return _("Kan gratis")
    return ""


def result_cards(
    hits: Sequence[RankedHit], first_number: int, now: dt.datetime, back: str = ""
) -> list[ResultCard]:
    """The cards of one result page, from the cards the search index keeps (one query).

    The index row is refreshed after every write of the sociale kaart, so its card is as current
    as the search itself; what depends on the moment ("nu open", a cost valid from next month)
    and on the language is worked out here.
    """
    stored = backends.read_cards([hit.service_id for hit in hits])
    today = timezone.localdate(now)
    cards = []
    number = first_number
    for hit in hits:
        card = parse_card(stored.get(hit.service_id, ""))
        if card is None:  # deleted since the search ran
            continue
        located = card.locations
        # The location the search measured from (the nearest one), else the first on the map.
        location = next((loc for loc in located if loc.id == hit.location_id), None) or next(
            (loc for loc in located if loc.latitude is not None and loc.longitude is not None),
            located[0] if located else None,
        )
        domains = list(hit.matched_domains) or list(card.domains)
        cards.append(
            ResultCard(
                number=number,
                service_id=hit.service_id,
                name=card.name,
                alert=card.alert,
                organisation=card.organisation,
                summary=card.summary,
                domains=[domain_label(d) for d in domains],
                distance=format_distance(hit.distance_km) if hit.distance_km is not None else "",
                status=opening_status(card.schedule_rows(), now) if card.schedules else None,
                free=free_label(card.costs, today),
                location=location,
                weak=hit.weak,
                back=back,
            )
        )
        number += 1
    return cards


# The service page's "Terug naar zoeken" returns to the search it came from: the result links
# carry the search's query string in this parameter (the page itself has no session to keep it in).
BACK_PARAM = "terug"


def back_to_search_url(request: HttpRequest) -> str:
    """The search page with the query, filters and page the visitor came from; only the search
    form's own fields are taken over, and the path is always our search page (no open redirect)."""
    url = reverse("sociale_kaart_public:search")
    came_from = QueryDict(request.GET.get(BACK_PARAM, "")[:2000])
    kept = [(name, value) for name, values in came_from.lists() if name in SearchForm.base_fields for value in values]
    return f"{url}?{urlencode(kept)}" if kept else url


@dataclass
class PageLink:
    number: int
    url: str
    current: bool


@dataclass
class Pagination:
    page: int
    pages: int
    previous_url: str = ""
    next_url: str = ""
    links: list[PageLink] = field(default_factory=list)


def _page_url(request: HttpRequest, page: int) -> str:
    params = request.GET.copy()
    params.pop("pagina", None)
    if page > 1:
        params["pagina"] = str(page)
    query = params.urlencode()
    return f"{request.path}?{query}" if query else request.path


def pagination(request: HttpRequest, total: int, page: int, per_page: int) -> Pagination | None:
    """Links for the result pages: the first, the last and two either side of `page`. The search
    itself fetched only this page; the paginator only counts."""
    paginator = Paginator(range(total), per_page)
    pages = paginator.num_pages
    if pages <= 1:
        return None
    window = [n for n in paginator.page_range if n in (1, pages) or abs(n - page) <= 2]
    return Pagination(
        page=page,
        pages=pages,
        previous_url=_page_url(request, page - 1) if page > 1 else "",
        next_url=_page_url(request, page + 1) if page < pages else "",
        links=[PageLink(n, _page_url(request, n), n == page) for n in window],
    )


def _suggestion(text: str, interpretation: Interpretation) -> tuple[str, str]:
    """("schulden", "?q=schulden") for "Bedoelde u …?", or ("", "") without corrections."""
    if not interpretation.corrected or not text:
        return "", ""
    corrected = text
    for wrong, right in interpretation.corrected.items():
        corrected = re.sub(rf"\b{re.escape(wrong)}\b", right, corrected, flags=re.IGNORECASE)
    if corrected.lower() == text.lower():
        return "", ""
    return corrected, urlencode({"q": corrected})


def _map_settings() -> dict[str, str]:
    tile_url = getattr(settings, "MAP_TILE_URL", "") or ""
    attribution = "Kaartgegevens © Kadaster" if "pdok.nl" in tile_url else ""
    return {"tile_url": tile_url, "tile_attribution": attribution}


def _wijkteam_contacts(wijk_code: str | None) -> list[Team]:
    teams = Team.objects.order_by("naam")
    if wijk_code:
        teams = teams.filter(wijken__code=wijk_code)
    return list(teams.distinct()[:10])


# Rendered results are the same for everyone who asks the same thing in the same minute (the
# "nu open" badges change by the minute): kept in answer_cache under the index generation, the
# language, the local minute and the exact query string.
# The filter panel depends only on the language, the term and wijk choices and the filters set:
# for a plain text search it is the same HTML every time.
FILTERS_CACHE_SECONDS = 600


def _results_key(request: HttpRequest, vocab_key: str, now: dt.datetime) -> str:
    minute = timezone.localtime(now).strftime("%Y%m%d%H%M")
    params = sorted((k, v) for k, values in request.GET.lists() for v in values)
    return answer_cache.key("results", vocab_key, translation.get_language(), minute, urlencode(params))


def _filters_key(request: HttpRequest, form: SearchForm, vocab_key: str) -> str | None:
    if form.errors:  # error messages belong to this request only
        return None
    params = sorted((k, v) for k, values in request.GET.lists() for v in values if k not in ("q", "pagina"))
    wijken = form.fields["wijk"].choices  # type: ignore[attr-defined]
    return answer_cache.key("filters", vocab_key, translation.get_language(), wijken, urlencode(params))


def _render_results(
    request: HttpRequest, form: SearchForm, now: dt.datetime, vocab: vocabulary.Vocabulary
) -> dict[str, Any]:
    """Run the search and render the result list: what the results cache keeps."""
    query = form.to_query(moment=now, per_page=PER_PAGE)
    result = search_ranked(query, vocab=vocab)
    first = (result.page - 1) * result.per_page + 1
    cards = result_cards(result.hits, first, now, back=request.GET.urlencode())
    interpretation = result.interpretation
    suggestion, suggestion_query = _suggestion(query.text, interpretation)
    paging = pagination(request, result.total, result.page, result.per_page)
    html = render_to_string(
        "sociale_kaart/public/_results_list.html",
        {
            "cards": cards,
            "first_number": first,
            "has_points": any(card.has_point for card in cards),
            "also_domains": [domain_label(d) for d in interpretation.domains],
            "suggestion": suggestion,
            "suggestion_query": suggestion_query,
            "pagination": paging,
            "contacts": _wijkteam_contacts(query.wijk) if not result.total else [],
            **_map_settings(),
        },
        request=request,
    )
    return {"results_html": html, "total": result.total, "pagination": paging}


# Whole pages are kept for visitors without a session (residents, almost always): nothing on the
# page is theirs except the CSRF token of the language form, which is rendered as this per-process
# placeholder and put in per response. With a session (staff, a pending message) only the result
# list comes from the cache.
_CSRF_PLACEHOLDER = f"csrf-{secrets.token_hex(16)}"


def _page_key(request: HttpRequest, vocab_key: str, now: dt.datetime, partial: bool) -> str | None:
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES:
        return None
    return answer_cache.key("page", _results_key(request, vocab_key, now), partial)


@public("the residents' sociale kaart: open to everyone")
@require_GET
def search(request: HttpRequest) -> HttpResponse:
    vocab = vocabulary.current()
    now = timezone.now()
    htmx = getattr(request, "htmx", None)
    partial = bool(htmx) and not htmx.history_restore_request  # type: ignore[union-attr]
    page_key = _page_key(request, vocab.key, now, partial)
    page = answer_cache.get(page_key)
    cached = page is not None
    if page is None:
        page = _render_search_page(request, vocab, now, partial)
        answer_cache.put(page_key, page)
    html, counts = page
    if counts:
        # Counts only: the words people search for can reveal their situation.
        log.info("sociale_kaart.search", **counts, cached=cached)
    response = HttpResponse(html.replace(_CSRF_PLACEHOLDER, get_token(request)))
    # The same URL answers with a fragment (htmx) or a full page: caches must keep them apart.
    patch_vary_headers(response, ["HX-Request"])
    return response


def _render_search_page(
    request: HttpRequest, vocab: vocabulary.Vocabulary, now: dt.datetime, partial: bool
) -> tuple[str, dict[str, Any]]:
    """The search page (or its htmx fragment) with the CSRF placeholder, and what to log."""
    form = SearchForm(request.GET or None, vocab=vocab)
    context: dict[str, Any] = {"form": form, "searched": False, "partial": partial, "csrf_token": _CSRF_PLACEHOLDER}
    counts: dict[str, Any] = {}
    if form.is_bound and form.is_valid() and form.has_criteria():
        results_key = _results_key(request, vocab.key, now)
        rendered = answer_cache.get(results_key)
        if rendered is None:
            rendered = _render_results(request, form, now, vocab)
            answer_cache.put(results_key, rendered)
        context.update(searched=True, **rendered)
        data = form.cleaned_data
        counts = {
            "total": rendered["total"],
            "page": data.get("pagina") or 1,
            "filters": form.filter_count(),
            "has_text": bool(data.get("q")),
            "has_place": bool(data.get("postcode") or data.get("wijk")),
        }
    if partial:
        template = "sociale_kaart/public/_results.html"
    else:
        template = "sociale_kaart/public/search.html"
        # Markup, not an answer: its key holds everything it shows, so it is kept even when the
        # answer cache is off.
        filters_key = _filters_key(request, form, vocab.key)
        filters_html = caches["default"].get(filters_key) if filters_key else None
        if filters_html is None:
            filters_html = render_to_string("sociale_kaart/public/_filters.html", {"form": form}, request=request)
            if filters_key:
                caches["default"].set(filters_key, filters_html, FILTERS_CACHE_SECONDS)
        context["filters_html"] = filters_html
    return render_to_string(template, context, request=request), counts


# --- One service ------------------------------------------------------------------------------


@dataclass
class LocationView:
    location: Location
    address: str
    accessibility: list[Any]
    transportation: str
    schedules: list[str]


def _terms_by_taxonomy(service: Service) -> dict[str, list[TaxonomyTerm]]:
    terms: dict[str, list[TaxonomyTerm]] = {}
    for term in service.terms().select_related("taxonomy").order_by("code"):
        slug = term.taxonomy.slug if term.taxonomy is not None else ""
        terms.setdefault(slug or "", []).append(term)
    return terms


@public("the residents' sociale kaart: open to everyone")
@require_GET
def service_detail(request: HttpRequest, pk: UUID) -> HttpResponse:
    service = publicly_visible(Service.objects.select_related("organization")).filter(pk=pk).first()
    if service is None:
        # A merged-away duplicate keeps working for old links and printed leaflets.
        survivor = merged_into(pk)
        if survivor is not None and publicly_visible(Service.objects.filter(pk=survivor.pk)).exists():
            return HttpResponsePermanentRedirect(reverse("sociale_kaart_public:service", args=[survivor.pk]))
        raise Http404
    prefetch_related_objects([service], *DETAIL_PREFETCH)
    now = timezone.now()
    today = timezone.localdate(now)
    schedules = service_schedules(service)
    terms = _terms_by_taxonomy(service)
    locations = []
    for sal in service.service_at_locations.all():
        location = sal.location
        address = _physical_address(location)
        locations.append(
            LocationView(
                location=location,
                address=address_text(address) if address is not None else "",
                accessibility=list(location.accessibility.all()),
                transportation=location.transportation,
                schedules=describe_all(location.schedules.all(), today=today) if not schedules else [],
            )
        )
    languages = [language_name(lang.code, lang.name) for lang in service.languages.all()]
    for loc in _located(service):
        languages.extend(language_name(lang.code, lang.name) for lang in loc.languages.all())
    point = _first_point(_located(service))
    context = {
        "service": service,
        "organisation": service.organization,
        "opening_lines": describe_all(schedules, today=today),
        "schedule_links": [s.schedule_link for s in schedules if s.schedule_link],
        "status": opening_status(schedules, now, with_next=True),
        "costs": cost_lines(service, today),
        "free": free_badge(service, today),
        "locations": locations,
        "virtual": [loc for loc in _located(service) if loc.location_type == LocationType.VIRTUAL],
        "phones": [(p, tel_href(p.number)) for p in service_phones(service)],
        "email": service.email or service.organization.email,
        "website": service.url or service.organization.website,
        "languages": list(dict.fromkeys(languages)),
        "documents": list(service.required_documents.all()),
        "domains": [levensdomein_label(t.code, t.name) for t in terms.get(LEVENSDOMEINEN, [])],
        "soorten": [t.name for t in terms.get(SOORT_AANBOD, [])],
        "doelgroepen": [t.name for t in terms.get(DOELGROEP, [])],
        "ages": age_text(service.minimum_age, service.maximum_age),
        "assured": format_date(service.assured_date, year=True) if service.assured_date else "",
        "point": point,
        "back_url": back_to_search_url(request),
        **_map_settings(),
    }
    return render(request, "sociale_kaart/public/service.html", context)


# --- Wijk folder ------------------------------------------------------------------------------


def _area_is(code: str) -> Q:
    """A service area that names exactly this CBS code, as a code or at the end of a URI."""
    return Q(service_areas__uri__iexact=code) | Q(service_areas__uri__iendswith=f"/{code}")


def wijk_services(wijk: Wijk, *, today: dt.date | None = None) -> list[Service]:
    """Visible services for the wijk's folder: those with a location in the wijk, those whose
    service area is the wijk, and gemeente-wide ones without any address (by phone, online, at home).

    A gemeente-wide service with its address in another wijk is left out: it serves this wijk too,
    but listing the whole gemeente in every wijk made each folder the whole map (the folder says
    where to find the rest).
    """
    in_wijk = ServiceAtLocation.objects.filter(location__buurt__wijk=wijk).values("service_id")
    for_wijk = Service.objects.filter(_area_is(wijk.code) | Q(service_areas__name__iexact=wijk.naam)).values("id")
    located = ServiceAtLocation.objects.filter(location__addresses__isnull=False).values("service_id")
    gemeente_wide = Service.objects.filter(_area_is(wijk.gemeente.code)).exclude(id__in=located).values("id")
    qs = publicly_visible(Service.objects.select_related("organization"), today=today)
    return list(qs.filter(Q(id__in=in_wijk) | Q(id__in=for_wijk) | Q(id__in=gemeente_wide)).order_by("name", "id"))


def build_folder(wijk: Wijk, domain: str | None, *, online_url: str, now: dt.datetime,
                 more_url: str = "") -> leaflet_pdf.Folder:
    today = timezone.localdate(now)
    services = wijk_services(wijk, today=today)
    codes = _service_domain_codes([s.id for s in services])
    if domain:
        services = [s for s in services if domain in codes.get(s.id, [])]
    prefetch_related_objects(services, *FOLDER_PREFETCH)
    names = dict(TaxonomyTerm.objects.filter(taxonomy__slug=LEVENSDOMEINEN).values_list("code", "name"))
    groups: dict[str, list[leaflet_pdf.FolderEntry]] = {}
    for service in services:
        # Each service once, under its first topic (or the chosen one): a folder, not an index.
        code = domain or (codes.get(service.id) or [""])[0]
        groups.setdefault(code, []).append(_folder_entry(service, wijk, today))
    ordered = sorted(groups.items(), key=lambda item: (item[0] == "", item[0]))
    return leaflet_pdf.Folder(
        gemeente=settings.WIJKTEAM_GEMEENTE_NAAM,
        wijk=wijk.naam,
        title=_("Wat is er in mijn wijk?"),
        subtitle=levensdomein_label(domain, names.get(domain, domain)) if domain else "",
        made_on=format_date(today, year=True),
        online_url=online_url,
        more_url=more_url,
        contacts=[
            leaflet_pdf.FolderContact(name=t.naam, phone=t.telefoon, phone_href=tel_href(t.telefoon), email=t.email)
            for t in wijk.teams.order_by("naam")
        ],
        groups=[
            leaflet_pdf.FolderGroup(
                title=levensdomein_label(code, names.get(code, code)) if code else _("Overig"),
                entries=entries,
            )
            for code, entries in ordered
        ],
    )


def _folder_entry(service: Service, wijk: Wijk, today: dt.date) -> leaflet_pdf.FolderEntry:
    locations = _located(service)
    # The address in this wijk is the one residents of the wijk need.
    locations.sort(key=lambda loc: 0 if loc.buurt is not None and loc.buurt.wijk_id == wijk.pk else 1)
    address = next((a for a in (_physical_address(loc) for loc in locations) if a is not None), None)
    phones = service_phones(service)
    return leaflet_pdf.FolderEntry(
        name=service.name,
        organisation="" if service.organization.name == service.name else service.organization.name,
        description=_first_sentence(service.description),
        address=_folder_address(address) if address is not None else "",
        times=describe_all(service_schedules(service), today=today),
        phone=phones[0].number if phones else "",
        phone_href=tel_href(phones[0].number) if phones else "",
        costs=", ".join(cost_lines(service, today)),
        url=reverse("sociale_kaart_public:service", args=[service.pk]),
        alert=service.alert,
    )


def _first_sentence(text: str, words: int = 14) -> str:
    """What the service is, in one short sentence: the folder's QR code leads to the rest."""
    sentence = re.split(r"(?<=[.!?])\s", text.strip(), maxsplit=1)[0]
    return Truncator(sentence).words(words)


def _folder_address(address: Address) -> str:
    # Everyone reading a wijk's folder lives in the gemeente: its own place name adds nothing.
    if address.city and address.city.lower() in settings.WIJKTEAM_GEMEENTE_NAAM.lower():
        return one_line_address(address.address_1, address.postal_code, "")
    return address_text(address)


def _wijk_and_domain(request: HttpRequest, code: str) -> tuple[Wijk, str | None]:
    wijk = get_object_or_404(Wijk.objects.select_related("gemeente"), code=code.upper())
    domain = (request.GET.get("levensdomein") or "").upper() or None
    if domain is not None and not re.fullmatch(r"LD\d{2}", domain):
        raise Http404("unknown levensdomein")
    return wijk, domain


def _online_url(request: HttpRequest, wijk: Wijk, domain: str | None) -> str:
    url = reverse("sociale_kaart_public:leaflet", args=[wijk.code])
    if domain:
        url += "?" + urlencode({"levensdomein": domain})
    return request.build_absolute_uri(url)


def _folder_for(request: HttpRequest, code: str) -> tuple[Wijk, str | None, leaflet_pdf.Folder]:
    """The wijk, the chosen levensdomein and its folder: what the page and the PDF both show."""
    wijk, domain = _wijk_and_domain(request, code)
    folder = build_folder(wijk, domain, online_url=_online_url(request, wijk, domain), now=timezone.now(),
                          more_url=request.build_absolute_uri(reverse("sociale_kaart_public:search")))
    return wijk, domain, folder


@public("the residents' sociale kaart: open to everyone")
@require_GET
def leaflet(request: HttpRequest, code: str) -> HttpResponse:
    wijk, domain, folder = _folder_for(request, code)
    pdf_url = reverse("sociale_kaart_public:leaflet_pdf", args=[wijk.code])
    if domain:
        pdf_url += "?" + urlencode({"levensdomein": domain})
    domains = [
        (c, levensdomein_label(c, n))
        for c, n in TaxonomyTerm.objects.filter(taxonomy__slug=LEVENSDOMEINEN)
        .order_by("code")
        .values_list("code", "name")
    ]
    return render(
        request,
        "sociale_kaart/public/leaflet.html",
        {"wijk": wijk, "folder": folder, "domain": domain, "domains": domains, "pdf_url": pdf_url,
         "more_text": leaflet_pdf.more_text(folder)},
    )


@public("the residents' sociale kaart: open to everyone")
@require_GET
def leaflet_pdf_view(request: HttpRequest, code: str) -> HttpResponse:
    wijk, domain, folder = _folder_for(request, code)
    response = HttpResponse(leaflet_pdf.render_pdf(folder), content_type="application/pdf")
    filename = f"wat-is-er-in-mijn-wijk-{wijk.code.lower()}{'-' + domain.lower() if domain else ''}.pdf"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@public("the residents' sociale kaart: open to everyone")
@require_GET
def wijken(request: HttpRequest) -> HttpResponse:
    wijk_list = list(Wijk.objects.select_related("gemeente").prefetch_related("teams").order_by("naam"))
    return render(request, "sociale_kaart/public/wijken.html", {"wijken": wijk_list})
