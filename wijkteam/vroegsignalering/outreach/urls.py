# SPDX-License-Identifier: EUPL-1.2
"""URLs of vroegsignalering's outreach pages, included into the app's namespace `vroegsignalering`."""

from django.urls import URLPattern, URLResolver, path

from . import views

urlpatterns: list[URLPattern | URLResolver] = [
    path("wachtrij/", views.outreach_queue, name="outreach_queue"),
    path("wachtrij/<int:pk>/toewijzen/", views.zaak_assign, name="zaak_assign"),
    path("overzicht/", views.outreach_overview, name="outreach_overview"),
    path("teams/<int:team_pk>/instellingen/", views.outreach_settings, name="outreach_settings"),
    path("teams/<int:team_pk>/regels/<int:pk>/", views.routing_rule, name="routing_rule"),
]
