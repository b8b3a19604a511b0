# SPDX-License-Identifier: EUPL-1.2
"""The OpenAPI 3.0 document of the signal partners' API, written by hand (served at openapi.json).

The request schema's properties are the batch file's columns (`batch.reader.COLUMNS`), built from that
tuple so the two cannot drift; tests/vroegsignalering/test_partner_api_openapi_document_describes_every_route.py
checks the document's structure, that every route of `urls.py` is in it, and the API's real answers
against its schemas. Descriptions are Dutch, like the field names: the readers are the partners' developers.
"""

from __future__ import annotations

import copy
from functools import cache
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse

from ..batch.reader import COLUMNS
from ..batch.rows import MAX_BEDRAG
from ..models import Signaalpartner

OPENAPI_VERSION = "3.0.3"
API_VERSION = "1.0.0"

_TEXT: dict[str, tuple[int, str]] = {
    "bsn": (11, "Burgerservicenummer: 9 cijfers die de 11-proef doorstaan. Mag leeg; dan zijn achternaam en "
                "geboortedatum verplicht. Als tekst, niet als getal (een voorloopnul gaat anders verloren)."),
    "voorletters": (20, "Voorletters, zoals J.P."),
    "voorvoegsel": (20, "Tussenvoegsel, zoals van der."),
    "achternaam": (200, "Achternaam. Verplicht als er geen BSN is."),
    "geboortedatum": (10, "Geboortedatum als jjjj-mm-dd of dd-mm-jjjj. Verplicht als er geen BSN is."),
    "straatnaam": (100, "Straatnaam."),
    "huisnummertoevoeging": (4, "Toevoeging of huisletter, zoals A of 3 of HS."),
    "postcode": (7, "Postcode, zoals 1234 AB of 1234AB. Verplicht."),
    "plaatsnaam": (80, "Woonplaats."),
    "telefoonnummer": (20, "Telefoonnummer van de inwoner, als u het heeft."),
    "email": (254, "E-mailadres van de inwoner, als u het heeft."),
    "partnertype": (40, "Soort signaalpartner (DDAS EnumSignaalpartner): "
                        + ", ".join(Signaalpartner.values) + ". Hoofdletters maken niet uit. Verplicht."),
    "partnernaam": (200, "Naam van uw organisatie, zoals de gemeente die vastlegde. Mag leeg: dan vullen wij "
                         "die in. Een andere naam wordt geweigerd."),
    "ontstaansdatum": (10, "Datum waarop de achterstand ontstond, jjjj-mm-dd of dd-mm-jjjj; niet na de "
                           "signaaldatum en niet in de toekomst. Verplicht."),
    "signaaldatum": (10, "Datum van het signaal, jjjj-mm-dd of dd-mm-jjjj; niet in de toekomst. Verplicht."),
}
_YES_NO = ["ja", "nee", "j", "n", "true", "false", "1", "0", "waar", "onwaar", "yes", "no", "y", ""]


def _property(name: str) -> dict[str, Any]:
    if name in _TEXT:
        length, description = _TEXT[name]
        return {"type": "string", "nullable": True, "maxLength": length, "description": description}
    if name == "bedrag":
        return {"description": "Achterstand in hele euro's (zonder centen), 0 of meer. Verplicht.",
                "oneOf": [{"type": "integer", "minimum": 0, "maximum": MAX_BEDRAG},
                          {"type": "string", "pattern": r"^\s*€?\s*[0-9]+\s*$"}]}
    if name == "huisnummer":
        return {"description": "Huisnummer, eventueel met huisletter of toevoeging: 12, 12a of 12-3. Verplicht.",
                "oneOf": [{"type": "integer", "minimum": 1}, {"type": "string", "maxLength": 20}]}
    if name in ("crisissignaal", "warme_overdracht"):
        what = "crisissignaal (direct actie nodig)" if name == "crisissignaal" else "warme overdracht gewenst"
        return {"description": f"Ja of nee: {what}. Weglaten is nee.",
                "oneOf": [{"type": "boolean"}, {"type": "string", "enum": _YES_NO}]}
    raise KeyError(name)


_ERROR = {"$ref": "#/components/schemas/Foutmelding"}


def _error(description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": _ERROR}}}


_REFUSALS = {
    "401": _error("Geen, een onbekende, een verlopen of een ingetrokken API-sleutel."),
    "403": _error("De API-sleutel is niet voor signalen."),
    "429": {**_error("Te veel verzoeken: wacht het aantal seconden uit de kop Retry-After."),
            "headers": {"Retry-After": {"description": "Seconden tot u weer verzoeken mag sturen.",
                                        "schema": {"type": "integer", "minimum": 1}}}},
}
_BODY_REFUSALS = {
    "413": _error("Te groot: te veel signalen in één keer, of te veel bytes."),
    "415": _error("Geen JSON (Content-Type moet application/json zijn)."),
}

EXAMPLE_SIGNAL = {
    "bsn": "", "voorletters": "J.", "voorvoegsel": "de", "achternaam": "Vries", "geboortedatum": "1985-06-15",
    "straatnaam": "Havenstraat", "huisnummer": "12", "huisnummertoevoeging": "", "postcode": "3511 AB",
    "plaatsnaam": "Voorbeeld", "telefoonnummer": "", "email": "", "partnertype": "Energie", "partnernaam": "",
    "bedrag": 450, "ontstaansdatum": "2026-10-01", "signaaldatum": "2026-11-05", "crisissignaal": False,
    "warme_overdracht": False,
}


@cache
def document() -> dict[str, Any]:
    """The document without `servers` (that depends on the request); do not change the cached dict."""
    signal_schema = {
        "type": "object",
        "description": "Eén signaal. De velden zijn de kolommen van het bestand voor de maandelijkse upload.",
        "properties": {name: _property(name) for name in COLUMNS},
        "required": ["postcode", "huisnummer", "partnertype", "bedrag", "ontstaansdatum", "signaaldatum"],
        "additionalProperties": False,
        "example": EXAMPLE_SIGNAL,
    }
    return {
        "openapi": OPENAPI_VERSION,
        "info": {
            "title": "Vroegsignalering: API voor signaalpartners",
            "version": API_VERSION,
            "description": (
                "Signaalpartners (Wet gemeentelijke schuldhulpverlening) sturen hier betalingsachterstanden, "
                "één voor één of in groepen (zie signalen/batch/), en lezen per signaal of de inwoner hulp heeft "
                "geaccepteerd. Persoonsgegevens komen nooit terug. Elke aanroep heeft een API-sleutel van "
                "uw organisatie nodig (Authorization: Bearer ...); die krijgt u van de functioneel beheerder "
                "van de gemeente. Hetzelfde signaal nog eens sturen (ook als het eerder per bestand kwam) "
                "slaat niets dubbel op: het antwoord is dan 'herhaald'. Elke aanroep wordt vastgelegd."
            ),
            "license": {"name": "EUPL-1.2", "url": "https://eupl.eu/1.2/nl/"},
        },
        "security": [{"apiToken": []}],
        "paths": {
            "/signalen/": {"post": {
                "operationId": "signaalSturen",
                "summary": "Eén signaal sturen",
                "requestBody": {"required": True, "content": {"application/json": {
                    "schema": {"$ref": "#/components/schemas/Signaal"}}}},
                "responses": {
                    "201": {"description": "Nieuw signaal opgeslagen.", "content": {"application/json": {
                        "schema": {"$ref": "#/components/schemas/SignaalResultaat"}}}},
                    "200": {"description": "Dit signaal was er al (herhaald); er is niets opgeslagen.",
                            "content": {"application/json": {
                                "schema": {"$ref": "#/components/schemas/SignaalResultaat"}}}},
                    "400": {"description": "Ongeldig signaal (fouten per veld), of geen geldige JSON.",
                            "content": {"application/json": {"schema": {"oneOf": [
                                {"$ref": "#/components/schemas/SignaalResultaat"}, _ERROR]}}}},
                    **_REFUSALS, **_BODY_REFUSALS,
                },
            }},
            "/signalen/batch/": {"post": {
                "operationId": "signalenSturen",
                "summary": "Meerdere signalen tegelijk sturen",
                "description": "Elk signaal wordt apart gecontroleerd; de geldige worden samen opgeslagen. "
                               "Het antwoord noemt per signaal (op volgorde, met index) het resultaat.",
                "requestBody": {"required": True, "content": {"application/json": {"schema": {
                    "type": "array", "minItems": 1,  # maxItems: served_document
                    "items": {"$ref": "#/components/schemas/Signaal"}}}}},
                "responses": {
                    "200": {"description": "Het resultaat van elk signaal.", "content": {"application/json": {
                        "schema": {"$ref": "#/components/schemas/BatchAntwoord"}}}},
                    "400": _error("Geen lijst, een lege lijst of geen geldige JSON."),
                    **_REFUSALS, **_BODY_REFUSALS,
                },
            }},
            "/signalen/{id}/uitkomst/": {"get": {
                "operationId": "uitkomstLezen",
                "summary": "Uitkomst van een signaal van uw organisatie",
                "description": "Of de inwoner hulp heeft geaccepteerd (null: nog niet bekend) en hoe ver de "
                               "gemeente is. Alleen voor signalen die uw organisatie via deze API stuurde.",
                "parameters": [{"name": "id", "in": "path", "required": True,
                                "description": "Het id uit het antwoord op het sturen.",
                                "schema": {"type": "integer", "minimum": 1}}],
                "responses": {
                    "200": {"description": "De uitkomst.", "content": {"application/json": {
                        "schema": {"$ref": "#/components/schemas/Uitkomst"}}}},
                    "404": _error("Geen signaal van uw organisatie met dit id."),
                    **_REFUSALS,
                },
            }},
            "/openapi.json": {"get": {
                "operationId": "openapiDocument",
                "summary": "Dit document",
                "security": [],
                "responses": {"200": {"description": "Het OpenAPI-document.",
                                      "content": {"application/json": {"schema": {"type": "object"}}}}},
            }},
        },
        "components": {
            "securitySchemes": {"apiToken": {
                "type": "http", "scheme": "bearer",
                "description": "De API-sleutel van uw organisatie, voor signalen. Geheim; verloopt vanzelf.",
            }},
            "schemas": {
                "Signaal": signal_schema,
                "Fout": {"type": "object", "required": ["veld", "melding"], "additionalProperties": False,
                         "properties": {
                             "veld": {"type": "string",
                                      "description": "Het veld met de fout (leeg: het hele signaal)."},
                             "melding": {"type": "string", "description": "Wat er mis is, in het Nederlands."}}},
                "SignaalResultaat": {
                    "type": "object", "required": ["resultaat"], "additionalProperties": False,
                    "properties": {
                        "index": {"type": "integer", "minimum": 0,
                                  "description": "Plaats in de gestuurde lijst (alleen bij batch), vanaf 0."},
                        "resultaat": {"type": "string", "enum": ["nieuw", "herhaald", "ongeldig"]},
                        "id": {"type": "integer", "description": "Alleen bij nieuw: nummer voor de uitkomst."},
                        "fouten": {"type": "array", "items": {"$ref": "#/components/schemas/Fout"},
                                   "description": "Alleen bij ongeldig."},
                    },
                },
                "BatchAntwoord": {
                    "type": "object", "required": ["aantallen", "resultaten"], "additionalProperties": False,
                    "properties": {
                        "aantallen": {"type": "object", "required": ["nieuw", "herhaald", "ongeldig"],
                                      "additionalProperties": False, "properties": {
                                          "nieuw": {"type": "integer", "minimum": 0},
                                          "herhaald": {"type": "integer", "minimum": 0},
                                          "ongeldig": {"type": "integer", "minimum": 0}}},
                        "resultaten": {"type": "array", "items": {"$ref": "#/components/schemas/SignaalResultaat"}},
                    },
                },
                "Uitkomst": {
                    "type": "object", "required": ["id", "hulp_geaccepteerd", "status"],
                    "additionalProperties": False,
                    "properties": {
                        "id": {"type": "integer"},
                        "hulp_geaccepteerd": {"type": "boolean", "nullable": True,
                                              "description": "true: hulp geaccepteerd; false: niet; null: nog "
                                                             "niet bekend."},
                        "status": {"type": "string", "enum": ["ontvangen", "in_behandeling", "afgesloten"],
                                   "description": "ontvangen: nog niet opgepakt; in_behandeling: de gemeente "
                                                  "zoekt contact of spreekt de inwoner; afgesloten."},
                    },
                },
                "Foutmelding": {
                    "type": "object", "required": ["status", "melding"], "additionalProperties": False,
                    "properties": {"status": {"type": "integer"}, "melding": {"type": "string"}},
                },
            },
        },
    }


def served_document(request: HttpRequest, *, max_batch: int) -> dict[str, Any]:
    """The document for this site: its address, and the batch limit it is configured with."""
    served = copy.deepcopy(document())
    batch = served["paths"]["/signalen/batch/"]["post"]
    batch["requestBody"]["content"]["application/json"]["schema"]["maxItems"] = max_batch
    batch["summary"] = f"Tot {max_batch} signalen tegelijk sturen"
    base = request.build_absolute_uri(reverse("vroegsignalering_api:openapi")).removesuffix("/openapi.json")
    served["servers"] = [{"url": base, "description": f"Vroegsignalering {settings.WIJKTEAM_GEMEENTE_NAAM}"}]
    return served
