# SPDX-License-Identifier: EUPL-1.2
"""manage.py demo_totp USERNAME: the current TOTP code of a demo user (demo environments only)."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice

from wijkteam.demo.totp import NotADemoEnvironment, current_code, require_demo_environment


class Command(BaseCommand):
    help = "Print the current 6-digit TOTP code of a demo user (refuses outside DEBUG / WIJKTEAM_ENV=demo)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("username")

    def handle(self, *args: Any, username: str, **options: Any) -> None:
        try:
            require_demo_environment()
        except NotADemoEnvironment as exc:
            raise CommandError(str(exc)) from exc
        device = TOTPDevice.objects.filter(user__username=username, confirmed=True).order_by("pk").first()
        if device is None:
            raise CommandError(f"No user {username!r} with a confirmed authenticator.")
        self.stdout.write(current_code(device))
