# SPDX-License-Identifier: EUPL-1.2
"""The project's URLs plus the import page, until wijkteam/urls.py includes hsds_io/urls.py itself."""

from django.urls import include, path

from wijkteam.urls import urlpatterns as project

urlpatterns = list(project)
if not any(getattr(p, "namespace", None) == "sociale_kaart_import" for p in project):
    urlpatterns.insert(0, path("werk/sociale-kaart/import/", include("wijkteam.sociale_kaart.hsds_io.urls")))
