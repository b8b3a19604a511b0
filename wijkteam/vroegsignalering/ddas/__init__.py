# SPDX-License-Identifier: EUPL-1.2
"""The DDAS Vroegsignalering 0.9 reference files (see SOURCE.md)."""

from pathlib import Path

DDAS_DIR = Path(__file__).resolve().parent
SCHEMA_PATH = DDAS_DIR / "json_schema_Uitwisselmodel.json"
