# SPDX-License-Identifier: EUPL-1.2
"""Every model in /beheer/, ours and the libraries' (auth groups, django-otp), writes the audit trail."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.models import Group
from django_otp.plugins.otp_totp.models import TOTPDevice

from wijkteam.accounts.admin_site import AuditedAdminMixin, BeheerSite


def test_the_default_admin_site_is_ours_and_every_admin_is_audited():
    assert isinstance(admin.site, BeheerSite)
    registry = admin.site._registry
    assert Group in registry and TOTPDevice in registry
    not_audited = sorted(model._meta.label for model, model_admin in registry.items()
                         if not isinstance(model_admin, AuditedAdminMixin))
    assert not not_audited
