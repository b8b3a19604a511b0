# SPDX-License-Identifier: EUPL-1.2
"""URLs of hulpvragen's intake pages, included into the app's namespace `hulpvragen`."""

from django.urls import URLPattern, URLResolver, path

from . import views

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.queue, name="queue"),
    path("nieuw/", views.intake_new, name="intake_new"),
    path("nieuw/ontvangen/", views.confirmation, name="confirmation"),
    path("overdracht/", views.handover_new, name="handover_new"),
    path("overdrachten/", views.handovers, name="handovers"),
    path("<int:pk>/", views.hulpvraag_detail, name="hulpvraag_detail"),
    path("<int:pk>/toewijzen/", views.assign, name="assign"),
    path("<int:pk>/status/", views.change_status, name="change_status"),
    path("<int:pk>/aanvrager/", views.link_person, name="link_person"),
    path("<int:pk>/toestemming/", views.confirm_consents, name="confirm_consents"),
    path("<int:pk>/team/", views.route, name="route"),
]
