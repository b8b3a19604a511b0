# SPDX-License-Identifier: EUPL-1.2
"""The README's production step `manage.py collectstatic --noinput` works with the production
(manifest) storage: every file a stylesheet or script refers to is there (a dangling
`sourceMappingURL` made it fail with MissingFileError)."""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_collectstatic_with_manifest_storage_succeeds(tmp_path):
    env = {
        "PATH": os.environ["PATH"], "DJANGO_SETTINGS_MODULE": "wijkteam.settings", "LOG_LEVEL": "WARNING",
        "SECRET_KEY": "s" * 50, "WIJKTEAM_HASH_KEY": "h" * 40,
        "WIJKTEAM_FIELD_KEYS": base64.urlsafe_b64encode(b"k" * 32).decode(),
        "DEBUG": "0", "WIJKTEAM_MANIFEST_STATIC": "1",
        "WIJKTEAM_VAR_DIR": str(tmp_path), "WIJKTEAM_STATIC_ROOT": str(tmp_path / "static"),
    }

    result = subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput"],
                            env=env, cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)

    assert result.returncode == 0, result.stderr[-3000:]
    manifest = json.loads((tmp_path / "static" / "staticfiles.json").read_text())
    assert "vendor/leaflet/leaflet.js" in manifest["paths"]
