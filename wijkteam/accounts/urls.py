# SPDX-License-Identifier: EUPL-1.2
from django.urls import include, path

from . import views

app_name = "accounts"
urlpatterns = [
    path("werk/", views.werkomgeving, name="werkomgeving"),
    path("inloggen/", views.WijkteamLoginView.as_view(), name="login"),
    path("inloggen/tweestaps/", views.two_factor, name="two_factor"),
    path("inloggen/tweestaps/instellen/", views.two_factor_setup, name="two_factor_setup"),
    path("uitloggen/", views.logout, name="logout"),
    path("werk/api-sleutels/", include("wijkteam.accounts.tokens.urls")),
]
