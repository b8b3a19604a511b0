# SPDX-License-Identifier: EUPL-1.2
"""The URL walker itself: a view without a rule is named, nested includes and class-based views are
followed, and each way of declaring a rule is found."""

from __future__ import annotations

from django.http import HttpResponse
from django.urls import include, path
from django.views import View

from wijkteam.accounts.decorators import require
from wijkteam.accounts.permissions import may_use_werkomgeving
from wijkteam.core.access_rules import Scope, public, signed_in

from .url_rules import walk, without_rule


def forgotten(request):
    return HttpResponse()


@public("test page")
def open_page(request):
    return HttpResponse()


@require(may_use_werkomgeving, scope=Scope.TEAM)
def guarded(request, pk):
    return HttpResponse()


@signed_in("test login step")
class LoginStep(View):
    def get(self, request):
        return HttpResponse()


class Forgotten(View):
    def get(self, request):
        return HttpResponse()


inner = ([path("vergeten/", forgotten, name="forgotten"), path("stap/", LoginStep.as_view(), name="step"),
          path("klasse/", Forgotten.as_view(), name="klasse")], "binnen")
patterns = [
    path("", open_page, name="open"),
    path("werk/<int:pk>/", guarded, name="guarded"),
    path("deel/", include(inner)),
]


def test_urls_without_a_rule_are_named():
    assert without_rule(walk(patterns)) == ["/deel/klasse/ (binnen:klasse)", "/deel/vergeten/ (binnen:forgotten)"]


def test_each_kind_of_rule_is_found():
    rules = {e.name: e.rule.describe() for e in walk(patterns) if e.rule}
    assert rules == {
        "open": "public('test page')",
        "guarded": "require(may_use_werkomgeving, scope=team)",
        "binnen:step": "signed_in('test login step')",
    }
