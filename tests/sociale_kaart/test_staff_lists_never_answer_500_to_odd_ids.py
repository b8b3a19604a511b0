# SPDX-License-Identifier: EUPL-1.2
"""Every staff page of the sociale kaart (partner upkeep, freshness, duplicates, taxonomy mapping,
HSDS import) answers odd ids and query values with a page, a form error, 400 or 404, never with a
500 (issue 15 item 9): huge, negative, non-numeric and NUL-carrying values in every path id and
every list filter. The pages are found by walking the URL configuration, so a new staff page is
covered without touching this test."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

pytestmark = pytest.mark.django_db

ODD = ["-1", "abc", "1e308", "9" * 40, "1\x00", "\uff11\uff12"]  # the last: full-width digits
# The query parameters the staff lists read, and one they do not.
PARAMS = ["pagina", "q", "soort", "levensdomein", "id"]
NAMESPACES = {"sociale_kaart_werk", "sociale_kaart_import"}


def _patterns() -> list[tuple[str, URLPattern]]:
    found: list[tuple[str, URLPattern]] = []

    def walk(resolver: URLResolver, prefix: str, namespace: str | None) -> None:
        for entry in resolver.url_patterns:
            if isinstance(entry, URLResolver):
                walk(entry, prefix + str(entry.pattern), entry.namespace or namespace)
            elif namespace in NAMESPACES:
                found.append((prefix + str(entry.pattern), entry))

    walk(get_resolver(), "/", None)
    return found


def _paths(route: str) -> list[str]:
    """The route with each converter filled with odd values (uuid and token converters: one unknown)."""
    if "<" not in route:
        return [route]
    results = []
    for value in ["9" * 40, "2147483648"]:
        path = route
        for kind, filler in (("int", value), ("uuid", str(uuid.UUID(int=0))), ("str", value), ("slug", value)):
            while f"<{kind}:" in path:
                start = path.index(f"<{kind}:")
                path = path[:start] + filler + path[path.index(">", start) + 1 :]
        results.append(path)
    return results


def test_the_walk_finds_the_staff_lists():
    routes = {route for route, _pattern in _patterns()}
    assert {"/werk/sociale-kaart/", "/werk/sociale-kaart/verouderd/", "/werk/sociale-kaart/dubbelingen/"} <= routes
    assert any(route.startswith("/werk/sociale-kaart/import/") for route in routes)


@pytest.mark.parametrize("role", ["beheerder", "partner"])
def test_odd_ids_and_filters_never_give_500(users: Any, client_for: Any, role: str) -> None:
    client = client_for(getattr(users, role))
    client.raise_request_exception = False
    failures = []
    for route, _pattern in _patterns():
        for path in _paths(route):
            # Lists get every filter with every odd value; a page of one record gets its odd id.
            queries = [{name: value} for name in PARAMS for value in ODD] if path == route else [{}]
            for query in queries:
                response = client.get(path, query)
                if response.status_code >= 500:
                    failures.append(f"GET {path} {query!r}: {response.status_code}")
            response = client.post(path, {"pagina": ODD[3], "id": ODD[3]})
            if response.status_code >= 500:
                failures.append(f"POST {path}: {response.status_code}")
    assert failures == []
