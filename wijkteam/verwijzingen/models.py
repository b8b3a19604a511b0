# SPDX-License-Identifier: EUPL-1.2
"""Data and invariants of verwijzingen (see docs/architecture.md)."""
