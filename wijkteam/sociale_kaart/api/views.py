# SPDX-License-Identifier: EUPL-1.2
"""The HSDS 3.0 endpoints: every path of the official OpenAPI document, with all its parameters.

Public and read only: no key, no session needed, `Access-Control-Allow-Origin: *` on every answer
(preflight included). Only publicly visible services appear (`visibility.publicly_visible`), also
when nested in an organisation or a service_at_location. Errors are JSON too: 400 with a message
for a parameter we cannot use, 404 for an id we do not publish (also for hidden services, so the
API does not reveal that they exist).
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import wraps
from typing import Any

import structlog
from django.conf import settings
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from wijkteam.core.access_rules import public

from .. import answer_cache
from ..models import (
    HsdsExternalReference,
    Organization,
    Service,
    ServiceAtLocation,
    Taxonomy,
    TaxonomyTerm,
)
from ..search import backends, vocabulary
from ..visibility import publicly_visible
from . import filters, serializers
from .filters import ApiError
from .openapi import HSDS_VERSION, profile_url, served_document
from .pagination import Page, envelope, in_order, paginate

NDJSON = "application/x-ndjson"
NDJSON_CHUNK = 100
# Defaults of WIJKTEAM_API_NDJSON_MAX_ITEMS and WIJKTEAM_API_NDJSON_SECONDS (settings.py): 5,000 full
# services take some 17 s to serialise on the reference machine (bench/README.md).
DEFAULT_NDJSON_MAX_ITEMS = 5000
DEFAULT_NDJSON_SECONDS = 30
log = structlog.get_logger(__name__)
View = Callable[..., HttpResponseBase]
Renderer = Callable[[list[uuid.UUID]], list[dict[str, Any]]]


def _json(data: Any, status: int = 200) -> HttpResponse:
    return HttpResponse(json.dumps(data, ensure_ascii=False), content_type="application/json", status=status)


def _error(status: int, message: str) -> HttpResponse:
    return _json({"status": status, "message": message}, status=status)


def _cors(response: HttpResponseBase) -> HttpResponseBase:
    response["Access-Control-Allow-Origin"] = "*"
    return response


def hsds_endpoint(*params: str) -> Callable[[View], View]:
    """GET/HEAD/OPTIONS only, CORS open, JSON errors. `params` are the query parameters the view
    understands; the conformance tests compare them with the OpenAPI document."""

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if request.method == "OPTIONS":
                preflight = HttpResponse(status=204)
                preflight["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
                preflight["Access-Control-Allow-Headers"] = request.headers.get(
                    "Access-Control-Request-Headers", "Accept, Content-Type"
                )
                preflight["Access-Control-Max-Age"] = "86400"
                return _cors(preflight)
            if request.method not in {"GET", "HEAD"}:
                refused = _error(405, _("deze API kan alleen lezen (GET)"))
                refused["Allow"] = "GET, HEAD, OPTIONS"
                return _cors(refused)
            cache_key = _answer_key(request)
            hit = answer_cache.get(cache_key)
            if hit is not None:
                body, content_type = hit
                return _cors(HttpResponse(body, content_type=content_type))
            response: HttpResponseBase
            try:
                response = view(request, *args, **kwargs)
            except ApiError as exc:
                response = _error(exc.status, exc.message)
            except Http404:
                response = _error(404, _("niet gevonden"))
            if response.status_code == 200 and isinstance(response, HttpResponse):
                answer_cache.put(cache_key, (response.content, response["Content-Type"]))
            return _cors(response)

        wrapped.hsds_params = params  # type: ignore[attr-defined]
        # Every HSDS endpoint is the open API: its access rule is stated here, once for all of them.
        return public("the open HSDS API: published directory data, read-only")(csrf_exempt(wrapped))

    return decorator


def _answer_key(request: HttpRequest) -> str | None:
    """Cache key of a GET answer (answer_cache.py): the index generation, the day (services drop
    out of sight by date), the language of messages, the host (absolute links) and the query."""
    if answer_cache.seconds() <= 0 or request.method != "GET":
        return None
    if request.GET.get("format", "").strip().lower() == "ndjson":
        return None  # ndjson answers are large: too big to keep, and read by harvesters once
    return answer_cache.key(
        "api",
        vocabulary.current().key,
        timezone.localdate().isoformat(),
        translation.get_language(),
        request.get_host(),
        request.get_full_path(),
    )


def _uuid(value: str) -> uuid.UUID:
    try:
        return uuid.UUID(value)
    except ValueError:
        raise Http404 from None


@dataclass(frozen=True)
class _SearchOnly:
    """`search` without other filters: the engine pages and counts itself, so a page loads only its
    own ids (no list of every match, no SQL round trip over thousands of ids)."""

    text: str

    def page(self, number: int, per_page: int) -> Page:
        start = (number - 1) * per_page
        ids, total = filters.search_window(self.text, limit=start + per_page)
        return Page(ids=ids[start : start + per_page], total=total, number=number, per_page=per_page)


def ndjson_max_items() -> int:
    """Items in one ndjson answer at most (WIJKTEAM_API_NDJSON_MAX_ITEMS); more come by `page`."""
    return max(1, int(getattr(settings, "WIJKTEAM_API_NDJSON_MAX_ITEMS", DEFAULT_NDJSON_MAX_ITEMS)))


def ndjson_seconds() -> float:
    """Seconds one ndjson answer may take to stream (WIJKTEAM_API_NDJSON_SECONDS)."""
    return float(getattr(settings, "WIJKTEAM_API_NDJSON_SECONDS", DEFAULT_NDJSON_SECONDS))


class NdjsonTimeBudgetExceeded(RuntimeError):
    """Raised inside the stream: the server then drops the connection without the closing chunk, so a
    client sees a broken transfer instead of a list that silently lacks its tail."""


def _page_link(request: HttpRequest, number: int, per_page: int) -> str:
    query = request.GET.copy()
    query["page"] = str(number)
    query["per_page"] = str(per_page)
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


def _ndjson_response(
    request: HttpRequest, source: QuerySet[Any] | Sequence[uuid.UUID] | _SearchOnly, render: Renderer
) -> StreamingHttpResponse:
    """format=ndjson: one JSON object per line, at most ndjson_max_items() per answer.

    Anonymous and unpaged, a list of hundreds of thousands of rows would hold a web thread for
    minutes, so ndjson is paged like JSON, only with pages as large as the limit by default: a kaart
    under the limit still comes in one answer, as HSDS intends. `X-Total-Count` gives every match and
    a `Link: <...>; rel="next"` header the next page. The stream also stops when it runs past
    ndjson_seconds(), by breaking the transfer (see NdjsonTimeBudgetExceeded).
    """
    limit = ndjson_max_items()
    number = filters.integer(request, "page", 1)
    per_page = min(filters.integer(request, "per_page", limit), limit)
    page = source.page(number, per_page) if isinstance(source, _SearchOnly) else paginate(source, number, per_page)
    ids = page.ids
    budget = ndjson_seconds()

    def lines() -> Iterator[str]:
        started = time.monotonic()
        for start in range(0, len(ids), NDJSON_CHUNK):
            if start and time.monotonic() - started > budget:
                log.warning("hsds_ndjson_time_budget_exceeded", path=request.path, sent=start, page_items=len(ids))
                raise NdjsonTimeBudgetExceeded(f"ndjson answer stopped after {start} of {len(ids)} items")
            for item in render(ids[start : start + NDJSON_CHUNK]):
                yield json.dumps(item, ensure_ascii=False) + "\n"

    response = StreamingHttpResponse(lines(), content_type=NDJSON)
    response["X-Total-Count"] = str(page.total)
    links = []
    if number < page.total_pages:
        links.append(f'<{_page_link(request, number + 1, per_page)}>; rel="next"')
    if number > 1:
        links.append(f'<{_page_link(request, number - 1, per_page)}>; rel="prev"')
    if links:
        response["Link"] = ", ".join(links)
    return response


def _list_response(
    request: HttpRequest,
    source: QuerySet[Any] | Sequence[uuid.UUID] | _SearchOnly,
    render: Renderer,
    *,
    max_per_page: int = filters.MAX_PER_PAGE,
    default_per_page: int = filters.DEFAULT_PER_PAGE,
) -> HttpResponse | StreamingHttpResponse:
    """A page in the HSDS envelope, or with format=ndjson one JSON object per line."""
    if filters.output_format(request) == "ndjson":
        return _ndjson_response(request, source, render)
    number = filters.integer(request, "page", 1)
    per_page = min(filters.integer(request, "per_page", default_per_page), max_per_page)
    page = source.page(number, per_page) if isinstance(source, _SearchOnly) else paginate(source, number, per_page)
    return _json(envelope(page, render(page.ids) if page.ids else []))


def _in_ranking(ids: Iterable[uuid.UUID], ranked: list[uuid.UUID]) -> list[uuid.UUID]:
    """The ranked ids that passed the other filters, in ranking order."""
    allowed = set(ids)
    return [i for i in ranked if i in allowed]


def _visible_services() -> QuerySet[Service]:
    return publicly_visible(Service.objects.all())


# --- / and the OpenAPI document ------------------------------------------------------------------


@hsds_endpoint()
def root(request: HttpRequest) -> HttpResponse:
    return _json(
        {
            "version": HSDS_VERSION,
            "profile": profile_url(),
            "openapi_url": request.build_absolute_uri(reverse("sociale_kaart_api:openapi")),
        }
    )


@hsds_endpoint()
def openapi(request: HttpRequest) -> HttpResponse:
    return _json(served_document(request))


# --- Services ------------------------------------------------------------------------------------

SERVICE_LIST_PARAMS = (
    "search", "page", "per_page", "format", "taxonomy_term_id", "taxonomy_id", "organization_id",
    "modified_after", "minimal", "full",
    # Not in the HSDS document for /services, but handy and harmless: as on /service_at_locations.
    "postcode", "proximity",
)


def _render_services(full: bool, minimal: bool) -> Renderer:
    def render(ids: list[uuid.UUID]) -> list[dict[str, Any]]:
        # Visibility again on the page's own rows: a search-only page comes straight from the index,
        # and a service hidden since its last reindex must not slip out through the API.
        page_services = _visible_services().filter(id__in=ids)
        if minimal:
            rows = {r["id"]: r for r in page_services.values(*serializers.MINIMAL_FIELDS)}
            return serializers.services_minimal(rows[i] for i in ids if i in rows)
        if full:
            services = serializers.services_full_queryset(page_services)
            return serializers.services_full(in_order(list(services), ids))
        # The list item the search index keeps for each service (written by the same serializer
        # whenever the service or anything it shows changes); serialised here only when missing.
        visible = set(page_services.values_list("id", flat=True))
        stored = backends.read_hsds_items([i for i in ids if i in visible])
        missing = [i for i in ids if i in visible and i not in stored]
        fresh: dict[uuid.UUID, dict[str, Any]] = {}
        if missing:
            services = serializers.services_list_queryset(Service.objects.filter(id__in=missing))
            fresh = {uuid.UUID(item["id"]): item for item in serializers.services_list(list(services))}
        return [fresh[i] if i in fresh else json.loads(stored[i]) for i in ids if i in stored or i in fresh]

    return render


@hsds_endpoint(*SERVICE_LIST_PARAMS)
def service_list(request: HttpRequest) -> HttpResponse | StreamingHttpResponse:
    minimal = filters.boolean(request, "minimal")
    full = filters.boolean(request, "full")
    if minimal and full:
        raise ApiError(_("'minimal' en 'full' gaan niet samen"))
    text = request.GET.get("search", "").strip()
    source: QuerySet[Any] | list[uuid.UUID] | _SearchOnly
    if text and not filters.has_service_filters(request):
        source = _SearchOnly(text)
    else:
        qs = filters.filter_services(_visible_services(), request)
        ranked = filters.ranking(request)
        if ranked is not None:
            qs = qs.filter(id__in=ranked)
        where = filters.place(request)
        if where is not None:
            source = filters.services_by_place(qs, where)
        elif ranked is not None:
            source = _in_ranking(qs.values_list("id", flat=True), ranked)
        else:
            source = qs.order_by("name", "id")
    if minimal:
        return _list_response(
            request, source, _render_services(False, True),
            max_per_page=filters.MINIMAL_MAX_PER_PAGE, default_per_page=filters.MINIMAL_MAX_PER_PAGE,
        )
    return _list_response(request, source, _render_services(full, False))


@hsds_endpoint()
def service_detail(request: HttpRequest, id: str) -> HttpResponse:
    service = serializers.services_full_queryset(_visible_services().filter(id=_uuid(id))).first()
    if service is None:
        raise Http404
    return _json(serializers.services_full([service])[0])


# --- Organizations -------------------------------------------------------------------------------

ORGANIZATION_LIST_PARAMS = ("search", "full_service", "full", "page", "per_page", "format")


def _render_organizations(full: bool, full_service: bool) -> Renderer:
    def render(ids: list[uuid.UUID]) -> list[dict[str, Any]]:
        qs = Organization.objects.filter(id__in=ids)
        if full or full_service:
            qs = serializers.organizations_full_queryset(qs, services=_visible_services(), full_services=full_service)
            return serializers.organizations_full(in_order(list(qs), ids), full_services=full_service)
        return serializers.organizations_list(in_order(list(qs), ids))

    return render


@hsds_endpoint(*ORGANIZATION_LIST_PARAMS)
def organization_list(request: HttpRequest) -> HttpResponse | StreamingHttpResponse:
    full = filters.boolean(request, "full")
    full_service = filters.boolean(request, "full_service")
    qs = Organization.objects.all()
    text = request.GET.get("search", "").strip()
    if text:
        qs = qs.filter(filters.text_q(text, ("name", "alternate_name", "description")))
    return _list_response(request, qs.order_by("name", "id"), _render_organizations(full, full_service))


@hsds_endpoint("full_service")
def organization_detail(request: HttpRequest, id: str) -> HttpResponse:
    full_service = filters.boolean(request, "full_service")
    qs = serializers.organizations_full_queryset(
        Organization.objects.filter(id=_uuid(id)), services=_visible_services(), full_services=full_service
    )
    organization = qs.first()
    if organization is None:
        raise Http404
    return _json(serializers.organizations_full([organization], full_services=full_service)[0])


# --- Service at location -------------------------------------------------------------------------

SERVICE_AT_LOCATION_LIST_PARAMS = (
    "search", "taxonomy_term_id", "taxonomy_id", "organization_id", "modified_after", "full", "page",
    "per_page", "format", "postcode", "proximity",
)


def _visible_service_at_locations() -> QuerySet[ServiceAtLocation]:
    return ServiceAtLocation.objects.filter(service__in=_visible_services())


def _render_service_at_locations(full: bool) -> Renderer:
    def render(ids: list[uuid.UUID]) -> list[dict[str, Any]]:
        qs = ServiceAtLocation.objects.filter(id__in=ids)
        if full:
            items = in_order(list(serializers.service_at_locations_full_queryset(qs)), ids)
            return serializers.service_at_locations_full(items)
        items = in_order(list(serializers.service_at_locations_list_queryset(qs)), ids)
        return serializers.service_at_locations_list(items)

    return render


@hsds_endpoint(*SERVICE_AT_LOCATION_LIST_PARAMS)
def service_at_location_list(request: HttpRequest) -> HttpResponse | StreamingHttpResponse:
    full = filters.boolean(request, "full")
    qs = filters.filter_services(_visible_service_at_locations(), request, prefix="service__")
    ranked = filters.ranking(request)
    if ranked is not None:
        qs = qs.filter(service_id__in=ranked)
    where = filters.place(request)
    source: QuerySet[Any] | list[uuid.UUID]
    if where is not None:
        source = filters.service_at_locations_by_place(qs, where)
    elif ranked is not None:
        # Most relevant service first; its locations in name order.
        position = {service_id: n for n, service_id in enumerate(ranked)}
        rows = qs.order_by("location__name", "id").values_list("id", "service_id")
        source = [row[0] for row in sorted(rows, key=lambda row: position[row[1]])]
    else:
        source = qs.order_by("service__name", "location__name", "id")
    return _list_response(request, source, _render_service_at_locations(full))


@hsds_endpoint()
def service_at_location_detail(request: HttpRequest, id: str) -> HttpResponse:
    qs = serializers.service_at_locations_full_queryset(_visible_service_at_locations().filter(id=_uuid(id)))
    item = qs.first()
    if item is None:
        raise Http404
    return _json(serializers.service_at_locations_full([item])[0])


# --- Taxonomies ----------------------------------------------------------------------------------

TAXONOMY_LIST_PARAMS = ("search", "page", "per_page", "format")


@hsds_endpoint(*TAXONOMY_LIST_PARAMS)
def taxonomy_list(request: HttpRequest) -> HttpResponse | StreamingHttpResponse:
    qs = Taxonomy.objects.all()
    text = request.GET.get("search", "").strip()
    if text:
        qs = qs.filter(filters.text_q(text, ("name", "description")))

    def render(ids: list[uuid.UUID]) -> list[dict[str, Any]]:
        return serializers.taxonomies_list(in_order(list(Taxonomy.objects.filter(id__in=ids)), ids))

    return _list_response(request, qs.order_by("name", "id"), render)


@hsds_endpoint()
def taxonomy_detail(request: HttpRequest, id: str) -> HttpResponse:
    taxonomy = Taxonomy.objects.filter(id=_uuid(id)).first()
    if taxonomy is None:
        raise Http404
    return _json(serializers.taxonomy_dict(taxonomy))


TAXONOMY_TERM_LIST_PARAMS = ("search", "page", "per_page", "format", "taxonomy_id", "top_only", "parent_id")


def _external_children(parent_id: uuid.UUID) -> QuerySet[HsdsExternalReference]:
    return HsdsExternalReference.objects.filter(table="taxonomy_term", field="parent_id", value=parent_id)


@hsds_endpoint(*TAXONOMY_TERM_LIST_PARAMS)
def taxonomy_term_list(request: HttpRequest) -> HttpResponse | StreamingHttpResponse:
    qs = TaxonomyTerm.objects.all()
    text = request.GET.get("search", "").strip()
    if text:
        qs = qs.filter(filters.text_q(text, ("name", "code", "description")))
    taxonomy = filters.reference(request, "taxonomy_id")
    if taxonomy is not None:
        qs = qs.filter(taxonomy_id=taxonomy.id) if taxonomy.id else qs.filter(taxonomy__slug=taxonomy.key)
    if filters.boolean(request, "top_only"):
        # Top level: no parent on the kaart and none elsewhere (a parent published in another directory).
        outside = HsdsExternalReference.objects.filter(table="taxonomy_term", field="parent_id")
        qs = qs.filter(parent__isnull=True).exclude(id__in=outside.values("record_id"))
    parent_id = filters.strict_id(request, "parent_id")
    if parent_id is not None:
        qs = qs.filter(Q(parent_id=parent_id) | Q(id__in=_external_children(parent_id).values("record_id")))

    def render(ids: list[uuid.UUID]) -> list[dict[str, Any]]:
        terms = TaxonomyTerm.objects.filter(id__in=ids).select_related("taxonomy")
        return serializers.terms_with_references(in_order(list(terms), ids))

    return _list_response(request, qs.order_by("taxonomy__name", "code", "name", "id"), render)


@hsds_endpoint()
def taxonomy_term_detail(request: HttpRequest, id: str) -> HttpResponse:
    term = TaxonomyTerm.objects.filter(id=_uuid(id)).select_related("taxonomy").first()
    if term is None:
        raise Http404
    return _json(serializers.terms_with_references([term])[0])
