# SPDX-License-Identifier: EUPL-1.2
"""The shapes of the demo catalogue: service templates, venues, organisations and their offers.

Everything here is plain data. The STRUCTURE (which organisations, venues and offers exist, and
their keys) never depends on the seed, so the demo's UUIDs (uuid5 of those keys) are the same for
every seed and `--reset` can find the rows again; the seed only varies the wording, times, streets
and dates the generator draws for each of them.
"""

from __future__ import annotations

from dataclasses import dataclass

# Placeholders a template's names and texts may use:
#   {plek}  the venue's full name ("Wijkcentrum De Sluis")
#   {naam}  the venue's short name ("De Sluis")
#   {wijk}  the wijk the venue lies in ("Centrum"), {buurt} its buurt ("Oude Haven")
#   {org}   the organisation's name


@dataclass(frozen=True)
class Template:
    """One kind of service, with enough variants that several instances do not read alike.

    `when` holds schedule rules in a small notation (see render.parse_when), one option of
    which is drawn per instance: "W TU 10:00-12:00" (every Tuesday), "W MO-FR 09:00-17:00",
    "W2 WE 14:00-16:00" (every other week), "M 2TU 19:30-21:30" (second Tuesday of the month),
    "M -1FR ..." (last Friday), "MD 15 ..." (the 15th), "C6 TU ..." (a six-week course), "S MO ..."
    (weekly in March-May), "V MO-FR ..." (one week of the summer holiday); several rows of one
    option are separated by ";", and each may end in "afspraak" or "inloop" (HSDS attending_type).
    `cost` is "gratis" or "amount|unit" with an optional "|pas" (free with the Voorbeeldpas).
    """

    key: str
    names: tuple[str, ...]
    texts: tuple[str, ...]
    codes: tuple[str, ...]  # LD.., SA.., DG.. codes of the shipped taxonomies
    when: tuple[str, ...]
    cost: str = "gratis"
    how: str = "inloop"  # key of APPLICATION
    je: bool = False  # addresses people as "je" (young people, parents) instead of "u"
    voor: str = ""  # eligibility; "" derives a sentence from the doelgroepen
    docs: tuple[str, ...] = ()  # required documents
    talen: tuple[str, ...] = ()  # extra languages (ISO 639-1) this kind of service often offers
    ages: tuple[int | None, int | None] | None = None


@dataclass(frozen=True)
class Venue:
    """A building (or an online channel when `buurt` is empty) that becomes one HSDS location."""

    key: str
    name: str
    buurt: str  # CBS buurt code, e.g. BU09990001
    kind: str  # key of VENUE_KINDS: drives accessibility and the description
    short: str = ""  # for {naam}; defaults to the name


@dataclass(frozen=True)
class Offer:
    """One service of an organisation: a template at a venue (None: online or by phone only)."""

    tpl: str
    venue: str | None
    name: str = ""  # a fixed name instead of the template's (e.g. "Taalcafé De Brug")
    key: str = ""  # tells several offers of one template in one organisation apart


@dataclass(frozen=True)
class Org:
    key: str
    name: str
    text: str
    offers: tuple[Offer, ...]
    venues: tuple[Venue, ...] = ()  # buildings this organisation owns
    partner: bool = False  # a partner with logins: accounts.Organisatie of the same name
    area: str = "gemeente"  # werkgebied of its services: "gemeente" or "wijk"
    funding: str = ""

    def offer_key(self, offer: Offer) -> str:
        return f"{self.key}/{offer.key or offer.tpl}"


def solo(key: str, name: str, text: str, tpl: str, venue: str | Venue | None, *, area: str = "gemeente",
         offer_name: str = "") -> Org:
    """An organisation with one service (most small stichtingen and clubs)."""
    if isinstance(venue, Venue):
        return Org(key, name, text, (Offer(tpl, venue.key, name=offer_name),), venues=(venue,), area=area)
    return Org(key, name, text, (Offer(tpl, venue, name=offer_name),), area=area)


# --- Shared wording ------------------------------------------------------------------------------

# How to sign up, in the "u" and the "je" form.
APPLICATION: dict[str, tuple[str, str]] = {
    "inloop": (
        "U kunt gewoon binnenlopen. Een afspraak is niet nodig.",
        "Je kunt gewoon binnenlopen. Een afspraak is niet nodig.",
    ),
    "afspraak": (
        "Bel of mail voor een afspraak. U krijgt meestal binnen een week een afspraak.",
        "Bel, app of mail voor een afspraak. Je hoort binnen een week van ons.",
    ),
    "aanmelden": (
        "Meld u aan via de telefoon of per e-mail. U krijgt daarna een bevestiging.",
        "Meld je aan via de telefoon of per mail. Je krijgt daarna een bevestiging.",
    ),
    "intake": (
        "Na uw aanmelding volgt een kennismakingsgesprek. Samen kijken we wat u nodig heeft.",
        "Na je aanmelding maken we kennis. Samen kijken we wat je nodig hebt.",
    ),
    "verwijzing": (
        "U heeft een verwijzing nodig, bijvoorbeeld van het wijkteam, de huisarts of een hulpverlener.",
        "Je hebt een verwijzing nodig, bijvoorbeeld van het wijkteam, de huisarts of school.",
    ),
    "lid": (
        "Kom eerst een keer kijken. Vindt u het leuk? Dan kunt u lid worden.",
        "Kom eerst een keer kijken. Vind je het leuk? Dan kun je lid worden.",
    ),
    "online": (
        "Ga naar de website. U kunt beginnen wanneer het u uitkomt.",
        "Ga naar de website. Je kunt beginnen wanneer het jou uitkomt.",
    ),
    "bellen": (
        "Bel het telefoonnummer. U hoeft uw naam niet te noemen.",
        "Bel of chat met ons. Je hoeft je naam niet te noemen.",
    ),
}

# Who it is for, when a template says nothing itself: from its first doelgroep.
ELIGIBILITY: dict[str, str] = {
    "DG01": "Voor kinderen tot en met 11 jaar en hun ouders.",
    "DG02": "Voor jongeren van 12 tot 23 jaar.",
    "DG03": "Voor ouders en opvoeders.",
    "DG04": "Voor alle volwassen inwoners van Gemeente Voorbeeld.",
    "DG05": "Voor inwoners van 65 jaar en ouder.",
    "DG06": "Voor mantelzorgers: mensen die zorgen voor een naaste.",
    "DG07": "Voor nieuwkomers en statushouders.",
}
DEFAULT_ELIGIBILITY = "Voor alle inwoners van Gemeente Voorbeeld."

LANGUAGE_NAMES: dict[str, str] = {
    "nl": "Nederlands", "en": "Engels", "ar": "Arabisch", "tr": "Turks", "pl": "Pools", "uk": "Oekraïens",
    "ti": "Tigrinya", "fa": "Farsi", "so": "Somalisch", "de": "Duits", "ru": "Russisch",
}

# Building kinds: (description options, accessibility profile weights).
VENUE_KINDS: dict[str, tuple[tuple[str, ...], tuple[tuple[str, int], ...]]] = {
    "wijkcentrum": (
        ("Wijkcentrum met een grote zaal, een keuken en vergaderruimtes.",
         "Ontmoetingsplek voor de hele wijk, met een koffiecorner en een zaal."),
        (("modern", 1),),
    ),
    "buurthuis": (
        ("Buurthuis met een huiskamer, een keuken en een kleine zaal.",
         "Een buurthuis gerund door vrijwilligers, met een grote tafel en een open keuken."),
        (("gelijkvloers", 6), ("zijingang", 2), ("trap", 2)),
    ),
    "kantoor": (
        ("Kantoor met spreekkamers op de begane grond.", "Kantoor met een balie en spreekkamers."),
        (("modern", 6), ("trap", 1)),
    ),
    "bibliotheek": (
        ("Bibliotheek met leestafels, computers en een taalhoek.",),
        (("modern", 1),),
    ),
    "kerk": (
        ("Kerkgebouw met een zaal voor activiteiten.", "Zaal naast de kerk, met een keuken."),
        (("zijingang", 3), ("trap", 1)),
    ),
    "school": (
        ("Basisschool met een ouderkamer.",),
        (("gelijkvloers", 1),),
    ),
    "zorg": (
        ("Zorgcentrum met een restaurant en een activiteitenzaal.",),
        (("modern", 1),),
    ),
    "sport": (
        ("Sportaccommodatie met kleedkamers en een kantine.",),
        (("gelijkvloers", 3), ("zijingang", 1)),
    ),
    "buiten": (
        ("Buitenterrein met een kleine keet voor koffie en gereedschap.",),
        (("buiten", 3), ("onverhard", 1)),
    ),
    "jongeren": (
        ("Jongerencentrum met een chillruimte, een studieplek en een podium.",),
        (("gelijkvloers", 2), ("trap", 1)),
    ),
    "clubhuis": (
        ("Clubhuis van de vereniging.", "Een eigen ruimte op de eerste verdieping."),
        (("trap", 2), ("gelijkvloers", 1)),
    ),
}

# Accessibility texts. Only the accessible ones mention "rolstoel": search and the wheelchair
# filter read that word (see LocationQuerySet.wheelchair_accessible).
ACCESSIBILITY: dict[str, tuple[str, ...]] = {
    "modern": (
        "Rolstoeltoegankelijk: drempelvrije ingang met automatische deuren, een lift en een invalidentoilet. "
        "In de grote zaal is een ringleiding.",
        "Rolstoeltoegankelijk: alles op de begane grond, brede deuren en een invalidentoilet. "
        "Aan de balie is een ringleiding.",
    ),
    "gelijkvloers": (
        "Toegankelijk voor rolstoelen: alles is gelijkvloers. Er is een invalidentoilet.",
        "Toegankelijk voor rolstoelen: geen drempels en een ruim toilet.",
    ),
    "zijingang": (
        "Rolstoeltoegankelijk via de zij-ingang met een hellingbaan. Er is geen invalidentoilet.",
    ),
    "trap": (
        "De ruimte is alleen bereikbaar via een trap. Er is geen lift.",
        "Bij de ingang zijn drie treden. Er is geen lift en geen aangepast toilet.",
    ),
    "buiten": (
        "Verharde, vlakke paden: goed te doen met een rolstoel of rollator. Er is een invalidentoilet in de keet.",
    ),
    "onverhard": (
        "Onverharde paden van gras en grind: met een rollator is dat lastig. Er is geen aangepast toilet.",
    ),
}
# Which of those mean "a wheelchair user gets in" (the test and the profile choice rely on it).
ACCESSIBLE_PROFILES = frozenset({"modern", "gelijkvloers", "zijingang", "buiten"})
