# SPDX-License-Identifier: EUPL-1.2
"""Demo content of hulpvragen: requests through every door (steps.py). Triage adds its own step after it."""
