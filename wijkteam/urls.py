# SPDX-License-Identifier: EUPL-1.2
from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("wijkteam.core.urls")),
    path("", include("wijkteam.accounts.urls")),
    path("werk/", include("wijkteam.huishoudens.urls")),
    path("werk/vroegsignalering/", include("wijkteam.vroegsignalering.urls")),
    path("werk/hulpvragen/", include("wijkteam.hulpvragen.urls")),
    path("werk/casussen/", include("wijkteam.casussen.urls")),
    path("werk/verwijzingen/", include("wijkteam.verwijzingen.urls")),
    path("werk/", include("wijkteam.privacy.urls")),
    path("api/hsds/", include("wijkteam.sociale_kaart.api.urls")),
    path("api/vroegsignalering/", include("wijkteam.vroegsignalering.api.urls")),
    path("api/verwijzingen/", include("wijkteam.verwijzingen.api.urls")),
    path("hulp/", include("wijkteam.hulpvragen.public.urls")),
    path("werk/partner/verwijzingen/", include("wijkteam.verwijzingen.partner.urls")),
    path("sociale-kaart/", include("wijkteam.sociale_kaart.public.urls")),
    path("werk/sociale-kaart/import/", include("wijkteam.sociale_kaart.hsds_io.urls")),
    path("werk/sociale-kaart/", include("wijkteam.sociale_kaart.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("beheer/", admin.site.urls),
]
