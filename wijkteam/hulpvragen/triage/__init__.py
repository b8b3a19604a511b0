# SPDX-License-Identifier: EUPL-1.2
"""Triage, collective first (issue 18 items 4-5): the proposal engine over the sociale kaart's search index
(proposals.py), the one write path of the worker's decisions and the counts per domain (services.py), and
the triage screen with the steps onwards (views.py, next_steps hook in hulpvragen/next_steps.py)."""
