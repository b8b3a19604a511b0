# SPDX-License-Identifier: EUPL-1.2
"""Residents' pages of hulpvragen: the help request form and the anonymous self-help questionnaire; at /hulp/."""

from django.urls import URLPattern, URLResolver, path

from . import views

app_name = "hulpvragen_public"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.index, name="index"),
    path("wat-speelt-er/", views.self_help, name="zelftest"),
    path("vraag/", views.request_form, name="vraag"),
]
