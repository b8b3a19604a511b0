# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from . import views

app_name = "huishoudens"
urlpatterns = [
    path("personen/", views.person_search, name="person_search"),
    path("personen/<int:pk>/", views.person_detail, name="person_detail"),
    path("huishoudens/<int:pk>/", views.household_detail, name="household_detail"),
]
