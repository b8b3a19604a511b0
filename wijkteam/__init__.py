# SPDX-License-Identifier: EUPL-1.2
"""Wijkteam: software for Dutch municipal sociale wijkteams."""
