# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class AccountsConfig(AppConfig):
    name = "wijkteam.accounts"
    default = True
    default_auto_field = "django.db.models.BigAutoField"


class BeheerAdminConfig(admin_apps.AdminConfig):
    """Django admin on our own AdminSite, which only lets the beheerder in and audits every change."""

    default = False
    default_site = "wijkteam.accounts.admin_site.BeheerSite"
