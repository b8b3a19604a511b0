# SPDX-License-Identifier: EUPL-1.2
"""The workers' referral pages, included into the app's namespace `verwijzingen`."""

from django.urls import URLPattern, URLResolver, path

from . import views

urlpatterns: list[URLPattern | URLResolver] = [
    path("nieuw/", views.nieuw, name="nieuw"),
    path("casus/<int:pk>/", views.casus_lijst, name="casus_lijst"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/stoppen/", views.stoppen, name="stoppen"),
    path("<int:pk>/datums/", views.datums, name="datums"),
    path("<int:pk>/overbrugging/", views.overbrugging, name="overbrugging"),
    path("<int:pk>/risicosignaal/", views.risico, name="risico"),
    path("escalaties/", views.escalaties, name="escalaties"),
]
