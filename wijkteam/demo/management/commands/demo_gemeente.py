# SPDX-License-Identifier: EUPL-1.2
"""manage.py demo_gemeente [--scale N] [--seed S] [--reset]: build or show Gemeente Voorbeeld."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from wijkteam.demo.generator import DEFAULT_SCALE, DEFAULT_SEED, generate, is_generated, sqlite_bulk_mode
from wijkteam.demo.logins import print_logins
from wijkteam.demo.totp import NotADemoEnvironment, require_demo_environment
from wijkteam.demo.vroegsignalering.token import demo_token_lines


class Command(BaseCommand):
    help = "Create the deterministic demo municipality Gemeente Voorbeeld (does nothing if it exists)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--scale", type=int, default=DEFAULT_SCALE, help="number of households (default 5000)")
        parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed (default 42)")
        parser.add_argument("--reset", action="store_true", help="delete the existing demo and build it again")

    def handle(self, *args: Any, scale: int, seed: int, reset: bool, **options: Any) -> None:
        try:
            # The demo creates a superuser with a published password: never on production.
            require_demo_environment()
        except NotADemoEnvironment as exc:
            raise CommandError(str(exc)) from exc
        if scale < 0:
            raise CommandError("--scale must be zero or more households")
        if is_generated() and not reset:
            self.stdout.write("Gemeente Voorbeeld already exists (use --reset to build it again).")
        else:
            self.stdout.write(f"Building Gemeente Voorbeeld: {scale} households, seed {seed}...")
            with sqlite_bulk_mode():
                generate(seed=seed, scale=scale, stdout=self.stdout, reset_first=reset)
        print_logins(self.stdout)
        for line in demo_token_lines():
            self.stdout.write(line)
