# SPDX-License-Identifier: EUPL-1.2
"""Assessment instruments as data (issue 18 item 3): versioned instruments shipped as JSON (data/), the
one write path of an assessment (services.record_assessment), its form, and progress per domain over time
(progress.py: table and server-side SVG chart). Models in hulpvragen/models.py (Instrument, InstrumentDomein,
InstrumentNiveau, Assessment, Score)."""
