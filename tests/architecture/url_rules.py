# SPDX-License-Identifier: EUPL-1.2
"""Walks the URL configuration and finds each URL's access rule (wijkteam.core.access_rules).

An included admin site carries one rule for all its URLs (`access_rule` on the site), since every admin
view goes through the site's `has_permission`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.contrib.admin.sites import AdminSite, all_sites
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RegexPattern

from wijkteam.core.access_rules import AccessRule, rule_of


@dataclass(frozen=True)
class Endpoint:
    route: str  # the pattern as written, joined with its includes: "werk/personen/<int:pk>/"
    name: str  # "namespace:name", or "" for an unnamed pattern
    view: Any
    rule: AccessRule | None
    admin: bool  # part of an included admin site

    @property
    def has_parameters(self) -> bool:
        return "<" in self.route or "(?P" in self.route or "(" in self.route

    def label(self) -> str:
        return f"/{self.route} ({self.name or 'unnamed'})"


def _site_of(resolver: URLResolver) -> AdminSite | None:
    if resolver.app_name != "admin":
        return None
    return next((site for site in all_sites if site.name == resolver.namespace), None)


def _route(pattern: Any) -> str:
    text = str(pattern)
    if isinstance(pattern, RegexPattern):
        text = text.removeprefix("^").removesuffix("$").replace("\\", "")
    return text


def walk(patterns: Iterable[Any] | None = None, prefix: str = "", namespace: str = "",
         inherited: AccessRule | None = None, admin: bool = False) -> list[Endpoint]:
    if patterns is None:
        patterns = get_resolver().url_patterns
    found: list[Endpoint] = []
    for entry in patterns:
        route = prefix + _route(entry.pattern)
        if isinstance(entry, URLResolver):
            site = _site_of(entry)
            rule = getattr(site, "access_rule", None) if site is not None else inherited
            inner_ns = f"{namespace}:{entry.namespace}" if namespace and entry.namespace else (
                entry.namespace or namespace)
            found += walk(entry.url_patterns, route, inner_ns or "", rule, admin or site is not None)
        elif isinstance(entry, URLPattern):
            name = f"{namespace}:{entry.name}" if namespace and entry.name else (entry.name or "")
            found.append(Endpoint(route, name, entry.callback,
                                  inherited or rule_of(entry.callback), admin))
    return found


def without_rule(endpoints: Iterable[Endpoint]) -> list[str]:
    return sorted(e.label() for e in endpoints if e.rule is None)
