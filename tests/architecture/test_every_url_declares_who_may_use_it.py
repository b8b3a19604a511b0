# SPDX-License-Identifier: EUPL-1.2
"""Every URL declares who may use it: the whole URL configuration is walked, the admin included, and
each URL without an access rule is named."""

from __future__ import annotations

from .url_rules import walk, without_rule


def test_every_url_has_an_access_rule():
    endpoints = walk()
    assert len(endpoints) > 20  # the walk reached the included URL configurations
    missing = without_rule(endpoints)
    assert not missing, (
        "URLs without an access rule (add @require(...), @public(reason) or @signed_in(reason), see "
        "docs/architecture.md):\n" + "\n".join(missing)
    )


def test_the_admin_is_covered_by_its_site_rule():
    admin = [e for e in walk() if e.admin]
    assert admin, "the walk found no admin URLs"
    assert {e.rule.describe() for e in admin if e.rule} == {"require(may_use_admin)"}
