# SPDX-License-Identifier: EUPL-1.2
"""Data and invariants of hulpvragen (see docs/architecture.md)."""
