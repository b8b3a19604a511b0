# SPDX-License-Identifier: EUPL-1.2
"""`manage.py ddas_export --van YYYY-MM-DD --tot YYYY-MM-DD [--uit FILE]`: the DDAS delivery (Uitwisselmodel
JSON) of a period, checked against the official schema before it is written; refuses to write an invalid one."""

from __future__ import annotations

import datetime
import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from wijkteam.audit.models import Action
from wijkteam.audit.services import record
from wijkteam.vroegsignalering.rapportage.ddas_export import build_uitwisselmodel, validation_errors


class Command(BaseCommand):
    help = "Write the DDAS Vroegsignalering delivery (JSON, schema 0.9) for a period."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--van", type=datetime.date.fromisoformat, required=True, help="first day (YYYY-MM-DD)")
        parser.add_argument("--tot", type=datetime.date.fromisoformat, required=True, help="last day (YYYY-MM-DD)")
        parser.add_argument("--uit", default="-", help="output file (default: standard output)")

    def handle(self, *args: Any, van: datetime.date, tot: datetime.date, uit: str, **options: Any) -> None:
        if tot < van:
            raise CommandError("--tot ligt voor --van")
        document = build_uitwisselmodel(van, tot)
        errors = validation_errors(document)
        if errors:
            raise CommandError("De levering voldoet niet aan het DDAS-schema:\n" + "\n".join(errors[:20]))
        text = json.dumps(document, ensure_ascii=False, indent=2)
        if uit == "-":
            self.stdout.write(text)
        else:
            with open(uit, "w", encoding="utf-8") as handle:
                handle.write(text + "\n")
            self.stderr.write(f"Geschreven: {uit}")
        record(None, Action.EXPORT, object_type="vroegsignalering.ddas", username="ddas_export",
               detail={"van": van.isoformat(), "tot": tot.isoformat()})
