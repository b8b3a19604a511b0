# SPDX-License-Identifier: EUPL-1.2
"""Partner upkeep: partners (and the beheerder) keep services, locations and opening times current."""
