# SPDX-License-Identifier: EUPL-1.2
"""The beheerder's pages for partner organisations' API tokens (the write path is accounts/api_tokens.py)."""
