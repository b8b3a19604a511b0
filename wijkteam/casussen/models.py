# SPDX-License-Identifier: EUPL-1.2
"""Data and invariants of casussen (see docs/architecture.md)."""
