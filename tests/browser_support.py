# SPDX-License-Identifier: EUPL-1.2
"""Browser tests: Playwright driving Debian's Chromium, with axe-core checking WCAG 2.1 AA.

`assert_accessible(page)` is the one line every page test adds. No browser is downloaded: we use
/usr/bin/chromium (Debian package `chromium`). Without it the browser tests skip locally, and fail
in CI, where WIJKTEAM_REQUIRE_BROWSER=1.
"""

from __future__ import annotations

import os
import struct
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = os.environ.get("WIJKTEAM_CHROMIUM", "/usr/bin/chromium")
AXE_JS = Path(__file__).parent / "vendor" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def _chromium_available() -> bool:
    return Path(CHROMIUM).exists()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not _chromium_available():
        if os.environ.get("WIJKTEAM_REQUIRE_BROWSER") == "1":
            pytest.fail(f"Chromium not found at {CHROMIUM}; CI must install Debian's chromium")
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    # Playwright's sync API runs an event loop in this thread; the ORM calls in the same tests are
    # still synchronous, so tell Django that is intended.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser: Any, live_server: Any) -> Iterator[Any]:
    context = browser.new_context(locale="nl-NL", base_url=live_server.url, bypass_csp=True)
    # bypass_csp lets axe-core be injected; the CSP itself is checked by the HTTP tests.
    pg = context.new_page()
    pg.set_default_timeout(10_000)
    draw_map_offline(pg, live_server.url)
    yield pg
    context.close()


@pytest.fixture
def page_without_js(browser: Any, live_server: Any) -> Iterator[Any]:
    context = browser.new_context(locale="nl-NL", base_url=live_server.url, java_script_enabled=False, bypass_csp=True)
    # bypass_csp lets axe-core be injected; the CSP itself is checked by the HTTP tests.
    pg = context.new_page()
    pg.set_default_timeout(10_000)
    yield pg
    context.close()


def _blank_png(size: int = 256) -> bytes:
    """A plain grey PNG tile, the colour of the map's own background."""
    row = b"\x00" + b"\xe8\xec\xef" * size

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(row * size))
            + chunk(b"IEND", b""))


def draw_map_offline(page: Any, own_origin: str) -> None:
    """Answer the map's tile requests (another origin, offline here) with a blank tile, so Leaflet
    draws the whole map as residents see it: tiles, attribution and markers, all checked by axe."""
    tile = _blank_png()

    def is_tile(url: str) -> bool:
        return url.endswith(".png") and not url.startswith(own_origin)

    page.route(is_tile, lambda route: route.fulfill(status=200, content_type="image/png", body=tile))


def axe_violations(page: Any) -> list[dict[str, Any]]:
    page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    return list(result["violations"])


def assert_accessible(page: Any) -> None:
    """Fail with a readable list when axe-core finds any WCAG 2.1 A/AA violation on the current page."""
    violations = axe_violations(page)
    if violations:
        lines = []
        for v in violations:
            targets = ", ".join(str(n["target"]) for n in v["nodes"][:5])
            lines.append(f"{v['id']} ({v['impact']}): {v['help']} -> {targets}")
        pytest.fail(f"axe-core found {len(violations)} WCAG violation(s) on {page.url}:\n" + "\n".join(lines))


def login_in_browser(page: Any, username: str, password: str, totp_key_hex: str | None) -> None:
    """Log in through the real forms, entering a current TOTP code when asked."""
    page.goto("/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()
    if totp_key_hex is not None:
        from django_otp.oath import totp

        code = f"{totp(bytes.fromhex(totp_key_hex)):06d}"
        page.get_by_label("Code uit je authenticator-app").fill(code)
        page.get_by_role("button", name="Bevestigen").click()
