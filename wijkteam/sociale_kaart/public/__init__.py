# SPDX-License-Identifier: EUPL-1.2
"""The residents' sociale kaart: search, one service, the wijk folder (HTML and PDF)."""
