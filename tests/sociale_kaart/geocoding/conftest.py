# SPDX-License-Identifier: EUPL-1.2
"""A recorded PDOK Locatieserver: the geocoder's opener serves files from tests/fixtures/pdok/."""

from __future__ import annotations

import io
import json
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.sociale_kaart.partner.conftest import own_org, own_service  # noqa: F401 (fixtures for partner locations)
from wijkteam.sociale_kaart import geocoding

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "pdok"


@dataclass
class RecordedPdok:
    """Answers by (fq, q); records every request. An unknown request gets the empty answer."""

    answers: dict[tuple[str, str], str] = field(default_factory=dict)
    requests: list[str] = field(default_factory=list)
    fail: bool = False

    def __call__(self, request: Any, timeout: float = 0) -> io.BytesIO:
        url = request.full_url
        self.requests.append(url)
        assert timeout and timeout <= 5, "PDOK requests need a short timeout"
        if self.fail:
            raise OSError("connection refused")
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(url).query)
        name = self.answers.get((query["fq"][0], query["q"][0]), "empty.json")
        return io.BytesIO((FIXTURES / name).read_bytes())

    def params(self, index: int = -1) -> dict[str, list[str]]:
        return urllib.parse.parse_qs(urllib.parse.urlsplit(self.requests[index]).query)


@pytest.fixture
def pdok(monkeypatch: pytest.MonkeyPatch, settings: Any) -> RecordedPdok:
    recorded = RecordedPdok(
        answers={
            ("type:postcode", "3511AB"): "postcode_3511AB.json",
            ("type:adres", "Havenstraat 12 3511 AB Utrecht"): "adres_havenstraat_12.json",
        }
    )
    monkeypatch.setattr(geocoding, "urlopen", recorded)
    settings.WIJKTEAM_GEOCODING_ONLINE = True
    geocoding.clear_cache()
    yield recorded
    geocoding.clear_cache()


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test starts offline with an opener that fails loudly if anything reaches for the net."""

    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("the geocoder must not use the network here")

    monkeypatch.setattr(geocoding, "urlopen", refuse)
    monkeypatch.delenv("WIJKTEAM_GEOCODING_ONLINE", raising=False)
    geocoding.clear_cache()


def load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
    return data
