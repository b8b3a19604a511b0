# SPDX-License-Identifier: EUPL-1.2
"""The demo sociale kaart of Gemeente Voorbeeld: the generator step (steps.py) and its content (data/)."""
