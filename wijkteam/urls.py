# SPDX-License-Identifier: EUPL-1.2
from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("wijkteam.core.urls")),
    path("", include("wijkteam.accounts.urls")),
    path("werk/", include("wijkteam.huishoudens.urls")),
    path("werk/", include("wijkteam.audit.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("beheer/", admin.site.urls),
]
