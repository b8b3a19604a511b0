# SPDX-License-Identifier: EUPL-1.2
"""The term mapping page; included by ..urls into the namespace "sociale_kaart_werk"."""

from django.urls import path

from . import views

urlpatterns = [
    path("taxonomie/", views.taxonomie_koppelen, name="taxonomie_koppelen"),
]
