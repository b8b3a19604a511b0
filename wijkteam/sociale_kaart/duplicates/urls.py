# SPDX-License-Identifier: EUPL-1.2
"""The duplicates worklist; included by ..urls into the namespace "sociale_kaart_werk"."""

from django.urls import path

from . import views

urlpatterns = [
    path("dubbelingen/", views.dubbelingen, name="dubbelingen"),
    path("dubbelingen/<int:pk>/samenvoegen/", views.merge, name="merge"),
    path("dubbelingen/<int:pk>/geen-dubbeling/", views.dismiss, name="dismiss"),
]
