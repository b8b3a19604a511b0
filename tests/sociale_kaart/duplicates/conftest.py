# SPDX-License-Identifier: EUPL-1.2
# The partner folder's fixtures (own_org, own_service, other_org, other_service) serve here too.
from tests.sociale_kaart.partner.conftest import other_org, other_service, own_org, own_service  # noqa: F401
