# SPDX-License-Identifier: EUPL-1.2
"""`manage.py tweede_stap_opnieuw GEBRUIKERSNAAM`: remove the user's authenticators and open a new enrolment
window, as the user list's action "Tweede stap opnieuw laten instellen" does.

For when no beheerder can log in to use that action: the first beheerder (made with `createsuperuser`) lost
their phone or let their window pass. Whoever can run commands on the server already holds the database; the
audit trail names this command as the one who did it.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from wijkteam.accounts.models import User
from wijkteam.accounts.services import reset_second_factor


class Command(BaseCommand):
    help = "Remove a user's authenticator and let them set up the second step again at their next login."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("gebruikersnaam")

    def handle(self, *args: Any, **options: Any) -> None:
        user = User.objects.filter(username=options["gebruikersnaam"]).first()
        if user is None:
            raise CommandError(f"Er is geen gebruiker met de naam {options['gebruikersnaam']!r}.")
        until = timezone.localtime(reset_second_factor(user, by=None, system="manage.py tweede_stap_opnieuw"))
        self.stdout.write(f"De tweede stap van {user.username} is gewist. Bij het inloggen stelt die gebruiker "
                          f"hem opnieuw in, tot {until:%d-%m-%Y %H:%M}.")
