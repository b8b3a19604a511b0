# SPDX-License-Identifier: EUPL-1.2
"""axe-core on a page as a browser without JavaScript got it.

axe-core is JavaScript and does not run where the page's scripts may not (its timers never fire). So
`assert_accessible_as_served(page_without_js)` takes the document that page shows, serves exactly that at
the same address to a fresh JavaScript-enabled browser with the site's own scripts blocked, and lets axe-core
check it there: the same HTML, the same stylesheets, no script changing anything, as the reader without
JavaScript has it. It works for every page state, also one that only a POST produced (a refused form).
"""

from __future__ import annotations

import re
from typing import Any

from tests.browser_support import assert_accessible

SCRIPT = re.compile(r"<script\b.*?</script\s*>", re.IGNORECASE | re.DOTALL)


def assert_accessible_as_served(page: Any) -> None:
    html = SCRIPT.sub("", page.content())  # a script element, own or inline, did not run there either
    address = page.url.split("#", 1)[0]
    context = page.context.browser.new_context(locale="nl-NL", bypass_csp=True)
    try:
        checker = context.new_page()
        checker.set_default_timeout(10_000)

        def answer(route: Any) -> None:
            request = route.request
            if request.resource_type == "document" and request.url.split("#", 1)[0] == address:
                route.fulfill(status=200, content_type="text/html; charset=utf-8", body=html)
            elif request.resource_type == "script":
                route.abort()  # nothing fetched runs either; axe-core is injected, not fetched
            else:
                route.continue_()

        checker.route("**/*", answer)
        checker.goto(address)
        assert checker.locator("h1").inner_text() == page.locator("h1").inner_text()
        assert_accessible(checker)
    finally:
        context.close()
