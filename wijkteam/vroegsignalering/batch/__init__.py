# SPDX-License-Identifier: EUPL-1.2
"""The monthly batch file: streaming reader, row validation, bulk write path, upload page and task."""
