# SPDX-License-Identifier: EUPL-1.2
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wijkteam.settings")
application = get_wsgi_application()

# gunicorn runs no system checks: refuse to serve with missing or invalid keys instead of
# answering every request with a 500 (or BSN search silently finding nothing).
from wijkteam.core.checks import refuse_to_start_on_bad_keys  # noqa: E402 - needs the app registry

refuse_to_start_on_bad_keys()
