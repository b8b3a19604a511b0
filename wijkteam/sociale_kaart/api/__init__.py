# SPDX-License-Identifier: EUPL-1.2
"""The public HSDS 3.0 API of the sociale kaart (read only, no key, CORS open), under /api/hsds/.

- `serializers`: model instances to HSDS JSON exactly as the official compiled schemas describe it,
  with the prefetches that keep a page of full services at a fixed number of queries;
- `filters`: query parameters, search, taxonomy/organisation/modified_after filters, postcode and
  proximity; `pagination`: the HSDS `Page` envelope; `views`: the endpoints; `openapi`: the served
  OpenAPI document (the official one, with `servers` pointing here).
"""
