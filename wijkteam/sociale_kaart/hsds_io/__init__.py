# SPDX-License-Identifier: EUPL-1.2
"""Import and export of HSDS 3.0 data: the tabular data package (CSV + datapackage.json) and HSDS JSON.

- `schemas`: the vendored official JSON Schemas, offline, with a `referencing` registry.
- `tables`: per HSDS table, its columns, types, required fields and foreign keys (read from the schemas).
- `values`: parsing an HSDS value (with a Dutch error) and formatting one for CSV or JSON.
- `readers`: a zip / folder / JSON file into rows; `validation`: rows into checked records or errors;
  `writer`: checked records into the database in one transaction.
- `services`: the entry points (`import_hsds`, `start_import`, `export_csv_package`, `export_json`)
  that the management commands, the background task and the beheerder's page all call.
"""
