# SPDX-License-Identifier: EUPL-1.2
"""Streets where the demo's community buildings stand, three per buurt, named after the buurt's theme.

Households get Faker's street names; public buildings get these, so a wijkcentrum lies on a
"Wiekenplein" in the Molenwijk rather than on a random "Julianastraat".
"""

from __future__ import annotations

from wijkteam.demo.places import BUURT_NAMEN, WIJKEN

STREETS: dict[str, tuple[str, str, str]] = {
    # Centrum
    "BU09990000": ("Markt", "Lange Kerkstraat", "Nieuwegracht"),
    "BU09990001": ("Havenkade", "Sluiswachtersplein", "Touwslagerij"),
    "BU09990002": ("Stationsplein", "Spoorsingel", "Perronstraat"),
    "BU09990003": ("Kerkhof", "Pastoriestraat", "Klokkenluiderspad"),
    # Noord
    "BU09990100": ("Molenweg", "Korenmolenlaan", "Wiekenplein"),
    "BU09990101": ("Merelplein", "Spreeuwenlaan", "Zwaluwstraat"),
    "BU09990102": ("Tulpplein", "Rozenlaan", "Irisstraat"),
    "BU09990103": ("Parkweg", "Vijverlaan", "Populierenlaan"),
    # Oost
    "BU09990200": ("Maasplein", "Waalstraat", "IJssellaan"),
    "BU09990201": ("Rembrandtplein", "Vermeerstraat", "Mesdaglaan"),
    "BU09990202": ("Weideweg", "Hooilandstraat", "Boterbloemlaan"),
    "BU09990203": ("Oosterhofplein", "Hofdijk", "Kastanjelaan"),
    # Zuid-West
    "BU09990300": ("Mozartlaan", "Bachplein", "Sweelinckstraat"),
    "BU09990301": ("Lindeplein", "Lindelaan", "Esdoornstraat"),
    "BU09990302": ("Hooglandseweg", "Heidelaan", "Zandpad"),
    "BU09990303": ("Orionplein", "Poolsterstraat", "Melkwegbaan"),
}


def buurt_codes() -> list[tuple[str, str, str]]:
    """(buurt code, buurt name, wijk code) of every demo buurt, in code order, without the database."""
    result = []
    for wijk_code, _naam, _cells in WIJKEN:
        for index, naam in enumerate(BUURT_NAMEN[wijk_code]):
            result.append((f"BU{wijk_code[2:]}{index:02d}", naam, wijk_code))
    return sorted(result)


# Buurten whose community building is a wijkcentrum of Stichting Welzijn Voorbeeld; every other
# buurt gets a buurthuis run by its own stichting.
WIJKCENTRUM_BUURTEN: dict[str, str] = {
    "BU09990001": "wc-centrum",
    "BU09990100": "wc-noord",
    "BU09990201": "wc-oost",
    "BU09990301": "wc-zw",
}


def community_venue(buurt_code: str) -> str:
    """Key of the venue where the buurt's residents meet (wijkcentrum or buurthuis)."""
    return WIJKCENTRUM_BUURTEN.get(buurt_code, f"buurthuis-{buurt_code}")
