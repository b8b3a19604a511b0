# SPDX-License-Identifier: EUPL-1.2
"""Casussen's staff pages; included at /werk/casussen/."""

from django.urls import URLPattern, URLResolver, include, path

from .casus import views as casus
from .noodtoegang import views as noodtoegang
from .plan import views as plan

app_name = "casussen"
urlpatterns: list[URLPattern | URLResolver] = [
    path("openen/", casus.casus_openen, name="casus_openen"),
    path("<int:pk>/", casus.casus_detail, name="casus_detail"),
    path("<int:pk>/status/", casus.casus_status, name="casus_status"),
    path("<int:pk>/team/", casus.casus_team, name="casus_team"),
    path("<int:pk>/contact/", casus.casus_contact, name="casus_contact"),
    path("<int:pk>/taken/", casus.casus_taak, name="casus_taak"),
    path("<int:pk>/taken/<int:taak_pk>/afronden/", casus.taak_afronden, name="taak_afronden"),
    path("<int:pk>/noodtoegang/", casus.casus_noodtoegang, name="casus_noodtoegang"),
    path("<int:pk>/plan/", plan.plan_edit, name="plan_edit"),
    path("<int:pk>/plan.pdf", plan.plan_pdf, name="plan_pdf"),
    path("noodtoegang/", noodtoegang.review_list, name="noodtoegang_review"),
    path("noodtoegang/<int:pk>/", noodtoegang.review_item, name="noodtoegang_item"),
    path("team/", include("wijkteam.casussen.continuiteit.urls")),
]
