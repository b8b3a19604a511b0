# SPDX-License-Identifier: EUPL-1.2
"""URLs of vroegsignalering's werklijst pages, included into the app's namespace `vroegsignalering`."""

from django.urls import URLPattern, URLResolver, path

from . import views

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.werklijst_index, name="werklijst_index"),
    path("<int:pk>/", views.werklijst_item, name="werklijst_item"),
]
