# SPDX-License-Identifier: EUPL-1.2
"""Relevance of the sociale kaart search on everyday-Dutch help requests.

    .venv/bin/python bench/bench_search_relevance.py            # 300 services, SQLite
    .venv/bin/python bench/run.py search_relevance -- --services 600 --verbose

Builds a throwaway database with a deterministic, realistic sociale kaart (below: services written
the way Dutch municipal directories describe their offer, per levensdomein, independent of the
judged queries), indexes it, and runs every query of data/relevance_judgements.json through
search_services. A result is relevant when it carries one of the query's expected levensdomeinen.
Prints hit@5 (a relevant result in the top five), nDCG@10 (binary gains), precision@5 and the
number of zero-result queries per query class, for the held-out queries (never used to tune
synonyms) and overall; --verbose lists the misses. Then the same corpus is imported into an empty
database as another supplier's HSDS package, with a taxonomy and term ids of its own (plus stale
and inactive copies that must stay hidden), and measured again (--corpus own|imported|both).
"""

from __future__ import annotations

import argparse
import base64
import datetime as dt
import json
import math
import os
import random
import secrets
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
JUDGEMENTS = Path(__file__).resolve().parent / "data" / "relevance_judgements.json"

# --- The corpus -----------------------------------------------------------------------------

# (name, description, term codes). Written as providers describe their offer.
TEMPLATES: list[tuple[str, str, list[str]]] = [
    # LD01 Financiën
    (
        "Schuldhulpverlening",
        "Heeft u schulden? Samen met u maken we een overzicht en een plan."
        " We nemen contact op met de partijen aan wie u geld moet.",
        ["LD01", "SA07", "DG04"],
    ),
    (
        "Formulierenbrigade",
        "Vrijwilligers helpen u met het invullen van formulieren en"
        " aanvragen, bijvoorbeeld voor toeslagen of kwijtschelding.",
        ["LD01", "LD10", "SA06"],
    ),
    (
        "Thuisadministratie",
        "Een vrijwilliger komt bij u thuis en helpt u uw papieren op orde"
        " te brengen en overzicht te houden over uw inkomsten en uitgaven.",
        ["LD01", "LD10", "SA04"],
    ),
    (
        "Budgetcursus Rondkomen met je inkomen",
        "In vier bijeenkomsten leert u een budget maken, besparen op vaste lasten en betalingsachterstanden voorkomen.",
        ["LD01", "SA02", "DG04"],
    ),
    (
        "Voedselbank",
        "Tijdelijk een voedselpakket voor huishoudens met een heel laag inkomen. Aanmelden via een hulpverlener.",
        ["LD01", "SA08"],
    ),
    (
        "Sociaal raadslieden",
        "Gratis advies over uitkeringen, toeslagen, belastingen en brieven van instanties die u niet begrijpt.",
        ["LD01", "LD13", "SA06"],
    ),
    (
        "Stadspas en minimaregelingen",
        "Met een laag inkomen kunt u korting krijgen op sport, cultuur en schoolkosten. Wij helpen met de aanvraag.",
        ["LD01", "SA06"],
    ),
    (
        "Vroegsignalering betalingsachterstanden",
        "Loopt u achter met de huur, energie of zorgverzekering? Wij"
        " nemen contact met u op en zoeken samen naar een oplossing.",
        ["LD01", "SA07"],
    ),
    (
        "Beschermingsbewind",
        "Een bewindvoerder beheert uw geld als u dat zelf (tijdelijk) niet kunt. U krijgt leefgeld op een vaste dag.",
        ["LD01", "SA07"],
    ),
    # LD02 Werk & opleiding
    (
        "Werkplein jobcoach",
        "Een jobcoach helpt u met uw cv, een sollicitatiebrief en het vinden van een baan die bij u past.",
        ["LD02", "SA07"],
    ),
    (
        "Leerwerkloket",
        "Advies over een opleiding, omscholing of het halen van een diploma naast uw werk.",
        ["LD02", "SA06"],
    ),
    (
        "Jongerenloket school en werk",
        "Voor jongeren tot 27 jaar zonder startkwalificatie: wij helpen je terug naar school of aan een baan.",
        ["LD02", "DG02", "SA07"],
    ),
    (
        "Participatiebedrijf",
        "Werken met begeleiding in een leerwerkplek, in de groenvoorziening, schoonmaak of logistiek.",
        ["LD02", "LD03", "SA07"],
    ),
    (
        "Sollicitatietraining",
        "Oefenen met sollicitatiegesprekken en uw netwerk inzetten om werk te vinden.",
        ["LD02", "SA02"],
    ),
    (
        "Taal en werk traject",
        "Nederlands leren op de werkvloer, voor nieuwkomers die willen gaan werken.",
        ["LD02", "LD12", "DG07", "SA02"],
    ),
    # LD03 Tijdsbesteding
    (
        "Dagbesteding De Werkplaats",
        "Een zinvolle dag met houtbewerking, tuinieren en koken, in een kleine groep met begeleiding.",
        ["LD03", "SA05"],
    ),
    (
        "Vrijwilligerscentrale",
        "Wilt u iets betekenen voor een ander? Wij zoeken samen met u vrijwilligerswerk dat bij u past.",
        ["LD03", "SA06"],
    ),
    (
        "Creatief atelier",
        "Schilderen, tekenen en handwerken met buurtbewoners. Materiaal is aanwezig.",
        ["LD03", "SA05"],
    ),
    (
        "Wandelgroep in het park",
        "Elke week samen wandelen in een rustig tempo, met na afloop koffie.",
        ["LD03", "LD07", "SA05"],
    ),
    (
        "Buurtmoestuin",
        "Samen groente kweken en oogsten. Geen ervaring nodig, wel zin om buiten bezig te zijn.",
        ["LD03", "SA05"],
    ),
    ("Repair café", "Breng uw kapotte spullen mee en repareer ze samen met handige vrijwilligers.", ["LD03", "SA05"]),
    # LD04 Huisvesting
    (
        "Spreekuur wonen",
        "Vragen over uw woning, uw huurcontract, onderhoud of een urgentieverklaring.",
        ["LD04", "SA01"],
    ),
    (
        "Huurteam",
        "Is uw huur te hoog of doet de verhuurder niets aan gebreken? Het huurteam helpt u gratis.",
        ["LD04", "LD13", "SA06"],
    ),
    (
        "Maatschappelijke opvang",
        "Een slaapplaats en begeleiding voor mensen zonder vaste woon- of verblijfplaats.",
        ["LD04", "SA07"],
    ),
    (
        "Woonbegeleiding",
        "Begeleiding aan huis om zelfstandig te kunnen blijven wonen en uw huishouden te regelen.",
        ["LD04", "LD10", "SA07"],
    ),
    (
        "Woningaanpassing Wmo",
        "Een traplift, drempels weg of een aangepaste badkamer, zodat u veilig thuis kunt blijven wonen.",
        ["LD04", "LD07", "SA06"],
    ),
    (
        "Preventie huisuitzetting",
        "Dreigt u uw woning kwijt te raken? Wij bemiddelen met de verhuurder en zoeken naar een oplossing.",
        ["LD04", "LD01", "SA07"],
    ),
    (
        "Buurtbemiddeling",
        "Problemen met geluid, rommel of ruzie met de buren? Getrainde"
        " vrijwilligers helpen u om er samen uit te komen.",
        ["LD04", "LD11", "SA04"],
    ),
    # LD05 Huiselijke relaties
    (
        "Opvoedspreekuur",
        "Vragen over de opvoeding van uw kind of tiener? Kom langs voor een gesprek met een pedagoog.",
        ["LD05", "DG03", "SA01"],
    ),
    (
        "Veilig Thuis",
        "Advies en hulp bij huiselijk geweld en kindermishandeling, ook voor buren en familie die zich zorgen maken.",
        ["LD05", "SA06"],
    ),
    (
        "Scheidingsloket",
        "Hulp bij uit elkaar gaan: afspraken over de kinderen, het ouderschapsplan en de omgang.",
        ["LD05", "DG03", "SA06"],
    ),
    (
        "Gezinscoach",
        "Een vaste coach die het hele gezin helpt als het thuis niet goed loopt.",
        ["LD05", "SA07", "DG03"],
    ),
    (
        "Relatietherapie",
        "Gesprekken voor stellen die vaak ruzie hebben of elkaar kwijt zijn geraakt.",
        ["LD05", "SA07"],
    ),
    (
        "Cursus Positief opvoeden",
        "Praktische tips voor ouders van jonge kinderen, in een groep met andere ouders.",
        ["LD05", "DG03", "SA02"],
    ),
    # LD06 Geestelijke gezondheid
    (
        "Grip op je dip",
        "Online cursus voor mensen die zich neerslachtig voelen en weer grip willen krijgen.",
        ["LD06", "SA02"],
    ),
    ("Praktijkondersteuner GGZ", "Kortdurende gesprekken bij psychische klachten, via de huisarts.", ["LD06", "SA07"]),
    (
        "Rouwgroep",
        "Samen praten over het verlies van een dierbare, met mensen die hetzelfde meemaken.",
        ["LD06", "SA03"],
    ),
    (
        "Zelfmoordpreventie 113",
        "Denkt u aan de dood? Praat erover, dag en nacht anoniem via chat of telefoon.",
        ["LD06", "SA06"],
    ),
    (
        "Mentale fitheid training",
        "Leer omgaan met spanning en piekergedachten met oefeningen voor rust en ontspanning.",
        ["LD06", "SA02"],
    ),
    (
        "Herstelwerkplaats",
        "Een plek waar mensen met psychische kwetsbaarheid werken aan hun herstel, met ervaringsdeskundigen.",
        ["LD06", "LD03", "SA03"],
    ),
    # LD07 Lichamelijke gezondheid
    (
        "Valpreventie training",
        "Oefeningen om sterker en stabieler te worden, zodat u minder snel valt.",
        ["LD07", "DG05", "SA02"],
    ),
    (
        "Beweegmakelaar",
        "Samen zoeken naar een sport of beweegactiviteit die past bij uw conditie en beperking.",
        ["LD07", "SA06"],
    ),
    (
        "Gecombineerde leefstijlinterventie",
        "Een programma van twee jaar over gezonder eten, meer bewegen en afvallen, vergoed door de zorgverzekeraar.",
        ["LD07", "SA02"],
    ),
    ("Diabetes lotgenotengroep", "Ervaringen uitwisselen over leven met diabetes.", ["LD07", "SA03"]),
    (
        "Wijkverpleegkundige",
        "Verpleging en advies thuis bij ziekte, na een ziekenhuisopname of bij chronische klachten.",
        ["LD07", "LD09", "SA07"],
    ),
    (
        "Ontmoetingscentrum dementie",
        "Activiteiten voor mensen met geheugenproblemen en steun voor hun naasten.",
        ["LD07", "LD06", "DG06", "SA05"],
    ),
    # LD08 Middelengebruik
    (
        "Preventie middelengebruik jongeren",
        "Gesprekken voor jongeren en ouders over alcohol, cannabis en gamen.",
        ["LD08", "DG02", "DG03"],
    ),
    (
        "Verslavingszorg ambulant",
        "Behandeling als u niet meer kunt stoppen met drinken, drugs of gokken.",
        ["LD08", "SA07"],
    ),
    ("Anonieme Alcoholisten", "Zelfhulpgroep voor mensen die van de drank af willen blijven.", ["LD08", "SA03"]),
    (
        "Stoppen met roken cursus",
        "In een groep samen stoppen met roken, met begeleiding van een coach.",
        ["LD08", "LD07", "SA02"],
    ),
    ("Gokhulp", "Anoniem advies voor gokkers en hun naasten, ook via chat.", ["LD08", "SA06"]),
    (
        "Naastengroep verslaving",
        "Voor partners en ouders van iemand met een verslaving: steun en herkenning.",
        ["LD08", "SA03", "DG06"],
    ),
    # LD09 Basale ADL
    (
        "Thuiszorg persoonlijke verzorging",
        "Hulp bij wassen, aankleden en medicijnen, een of meer keren per dag.",
        ["LD09", "SA07"],
    ),
    ("Hulpmiddelenuitleen", "Tijdelijk een rollator, douchestoel of toiletverhoger lenen.", ["LD09", "LD07", "SA08"]),
    (
        "Dagopvang met verzorging",
        "Overdag opvang voor ouderen die niet meer alleen thuis kunnen zijn, met hulp bij eten en verzorging.",
        ["LD09", "LD03", "DG05"],
    ),
    ("Incontinentiespreekuur", "Advies over hulpmiddelen en oefeningen bij urineverlies.", ["LD09", "LD07", "SA01"]),
    # LD10 Instrumentele ADL
    (
        "Huishoudelijke ondersteuning",
        "Hulp bij het schoonhouden van uw huis als u dat zelf niet meer kunt.",
        ["LD10", "SA07"],
    ),
    (
        "Boodschappenservice",
        "Een vrijwilliger doet wekelijks uw boodschappen of gaat met u mee naar de winkel.",
        ["LD10", "SA04", "DG05"],
    ),
    ("Maaltijdservice", "Elke dag een warme maaltijd aan huis, ook dieetmaaltijden.", ["LD10", "LD09"]),
    (
        "Vervoersdienst Plusbus",
        "Vervoer voor ouderen en mensen met een beperking naar de dokter, winkel of familie.",
        ["LD10", "DG05"],
    ),
    ("Digicafé", "Hulp met uw telefoon, tablet of computer, DigiD en online bankieren.", ["LD10", "LD12", "SA01"]),
    (
        "Klussendienst",
        "Vrijwilligers doen kleine klussen in en om het huis, zoals een lamp ophangen of de tuin bijhouden.",
        ["LD10", "SA04"],
    ),
    # LD11 Sociaal netwerk
    (
        "Maatjesproject",
        "Een vaste vrijwilliger bezoekt u en gaat met u wandelen of koffie drinken."
        " Voor wie weinig mensen om zich heen heeft.",
        ["LD11", "SA04"],
    ),
    (
        "Ontmoetingsochtend in het buurthuis",
        "Elke dinsdag koffie drinken en een praatje maken met buurtgenoten.",
        ["LD11", "SA05"],
    ),
    (
        "Mantelzorgsteunpunt",
        "Zorgt u voor een naaste? Wij bieden advies, lotgenotencontact"
        " en vervangende zorg zodat u even op adem kunt komen.",
        ["LD11", "DG06", "SA06"],
    ),
    (
        "Telefooncirkel",
        "Elke ochtend belt u met een andere deelnemer: zo weet u dat er iemand aan u denkt.",
        ["LD11", "SA04", "DG05"],
    ),
    ("Samen eten", "Een keer per week samen aan tafel in de wijk, voor een klein bedrag.", ["LD11", "SA05"]),
    ("Vriendschapscursus", "Leer hoe u nieuwe contacten legt en vriendschappen onderhoudt.", ["LD11", "SA02"]),
    (
        "Huisbezoek ouderenadviseur",
        "De ouderenadviseur komt langs om te kijken hoe het met u gaat en wat u nodig heeft.",
        ["LD11", "DG05", "SA07"],
    ),
    # LD12 Maatschappelijke participatie
    ("Taalcafé", "Oefen Nederlands spreken in een kleine groep, met vrijwilligers.", ["LD12", "SA05", "DG07"]),
    ("Taalhuis", "Beter leren lezen, schrijven en rekenen, op uw eigen niveau en tempo.", ["LD12", "SA02"]),
    (
        "Inburgeringsbegeleiding",
        "Begeleiding bij uw inburgering: taal, werk en wegwijs in de gemeente.",
        ["LD12", "DG07", "SA07"],
    ),
    (
        "Bewonersinitiatieven",
        "Heeft u een idee voor de buurt? Wij helpen u het samen met buren te organiseren.",
        ["LD12", "SA06"],
    ),
    ("Antidiscriminatievoorziening", "Meld discriminatie en krijg advies en ondersteuning.", ["LD12", "LD13", "SA06"]),
    (
        "Jeugdsportfonds",
        "Vergoeding van contributie en sportkleding voor kinderen uit gezinnen met weinig geld.",
        ["LD12", "LD01", "DG01", "SA08"],
    ),
    # LD13 Justitie
    (
        "Juridisch Loket",
        "Gratis juridisch advies over bijvoorbeeld arbeidsconflicten, huur of schulden.",
        ["LD13", "SA06"],
    ),
    ("Slachtofferhulp", "Steun en praktische hulp na een misdrijf, ongeval of calamiteit.", ["LD13", "LD06", "SA07"]),
    (
        "Reclassering nazorg",
        "Begeleiding na detentie bij wonen, werk en het opbouwen van een nieuw leven.",
        ["LD13", "SA07"],
    ),
    (
        "Bureau Halt",
        "Een leerstraf voor jongeren die iets strafbaars hebben gedaan, in plaats van een proces.",
        ["LD13", "DG02"],
    ),
    (
        "Sociaal advocaat spreekuur",
        "Gratis eerste gesprek met een advocaat over uw juridische probleem.",
        ["LD13", "SA01"],
    ),
    (
        "Buurtwerk jongeren",
        "Jongerenwerkers in de wijk voor een praatje, activiteiten en hulp bij problemen.",
        ["LD12", "LD03", "DG02", "SA05"],
    ),
]

ORGANISATIONS = [
    "Stichting Welzijn Voorbeeld",
    "Gemeente Voorbeeld",
    "Buurtteam Voorbeeld",
    "Humanitas afdeling Voorbeeld",
    "Rode Kruis Voorbeeld",
    "Stichting Present",
    "Bibliotheek Voorbeeld",
    "Wijkcentrum De Brug",
    "GGD Regio Voorbeeld",
    "Stichting MEE",
    "Leger des Heils",
    "Vrijwilligerspunt Voorbeeld",
]
WIJKEN = ["Centrum", "Noord", "Oost", "Zuid", "West", "Molenwijk", "Oude Haven", "Parkwijk"]
SUFFIXES = ["", " {wijk}", " in {wijk}", " voor {wijk} en omgeving"]
EXTRA_SENTENCES = [
    "Aanmelden kan telefonisch of via de website.",
    "U bent welkom zonder verwijzing.",
    "Er werken beroepskrachten en getrainde vrijwilligers.",
    "We spreken ook Engels en Arabisch.",
    "De locatie is goed bereikbaar met de bus.",
    "Meedoen is gratis.",
    "Er is een kleine eigen bijdrage.",
    "Kom gerust eerst een keer kijken.",
]


@dataclass(frozen=True)
class CorpusService:
    name: str
    description: str
    organisation: str
    terms: tuple[str, ...]
    wijk_index: int
    latitude: float
    longitude: float
    free: bool
    wheelchair: bool
    languages: tuple[str, ...]


def build(count: int, *, seed: int = 20261125) -> list[CorpusService]:
    rng = random.Random(seed)
    services: list[CorpusService] = []
    for index in range(count):
        name, description, terms = TEMPLATES[index % len(TEMPLATES)]
        round_ = index // len(TEMPLATES)
        wijk_index = rng.randrange(len(WIJKEN))
        wijk = WIJKEN[wijk_index]
        suffix = SUFFIXES[round_ % len(SUFFIXES)].format(wijk=wijk)
        sentences = rng.sample(EXTRA_SENTENCES, k=2)
        # Wijken lie in a 6 x 4 km grid around the centre of Voorbeeld.
        latitude = 52.07 + (wijk_index % 4) * 0.012 + rng.uniform(0, 0.01)
        longitude = 5.09 + (wijk_index // 4) * 0.03 + rng.uniform(0, 0.02)
        services.append(
            CorpusService(
                name=f"{name}{suffix}",
                description=f"{description} {' '.join(sentences)}",
                organisation=ORGANISATIONS[(index * 7 + round_) % len(ORGANISATIONS)],
                terms=tuple(terms),
                wijk_index=wijk_index,
                latitude=round(latitude, 6),
                longitude=round(longitude, 6),
                free="gratis" in " ".join(sentences).lower() or rng.random() < 0.5,
                wheelchair=rng.random() < 0.6,
                languages=("en",) if "Engels" in " ".join(sentences) else (),
            )
        )
    return services


# --- Database -------------------------------------------------------------------------------


def configure(var_dir: Path, database_url: str | None = None) -> None:
    """A throwaway environment: its own database and keys, set before Django reads its settings."""
    os.environ.update(
        WIJKTEAM_VAR_DIR=str(var_dir),
        DATABASE_URL=database_url or f"sqlite:///{var_dir / 'bench.sqlite3'}",
        DJANGO_SETTINGS_MODULE="wijkteam.settings",
        SECRET_KEY=secrets.token_urlsafe(50),
        WIJKTEAM_FIELD_KEYS=base64.urlsafe_b64encode(secrets.token_bytes(32)).decode(),
        WIJKTEAM_HASH_KEY=secrets.token_urlsafe(32),
        DEBUG="0",
        LOG_LEVEL="WARNING",
        WIJKTEAM_GEOCODING_ONLINE="0",
    )


def load_corpus(corpus: list[CorpusService]) -> None:
    """Bulk-insert the corpus as HSDS rows (organisation, service, location, address, terms ...)."""
    import uuid
    from decimal import Decimal

    from django.db import transaction
    from django.utils import timezone

    from wijkteam.sociale_kaart.models import (
        LINK_TYPE_BY_TAXONOMY,
        Accessibility,
        Address,
        Attribute,
        CostOption,
        Language,
        LinkEntity,
        Location,
        Organization,
        Service,
        ServiceAtLocation,
        TaxonomyTerm,
    )

    terms = {t.code: t for t in TaxonomyTerm.objects.select_related("taxonomy").exclude(code="")}
    today = timezone.localdate()
    with transaction.atomic():
        organisations = {
            name: Organization(name=name, description="Organisatie in Voorbeeld.")
            for name in sorted({s.organisation for s in corpus})
        }
        Organization.objects.bulk_create(organisations.values(), batch_size=500)
        services, locations, links, addresses, attributes, costs, access, languages = [], [], [], [], [], [], [], []
        for index, item in enumerate(corpus):
            service = Service(
                id=uuid.UUID(int=index + 1),
                organization=organisations[item.organisation],
                name=item.name[:255],
                description=item.description,
                assured_date=today - dt.timedelta(days=30),
            )
            services.append(service)
            location = Location(
                id=uuid.UUID(int=10_000_000 + index),
                organization=service.organization,
                name=f"{WIJKEN[item.wijk_index]} locatie {index}",
                latitude=item.latitude,
                longitude=item.longitude,
            )
            locations.append(location)
            links.append(ServiceAtLocation(service=service, location=location))
            addresses.append(
                Address(
                    location=location,
                    address_1=f"Dorpsstraat {index % 300 + 1}",
                    city="Voorbeeld",
                    state_province="Utrecht",
                    postal_code=postcode_for(item.wijk_index, index),
                )
            )
            for code in item.terms:
                term = terms[code]
                slug = term.taxonomy.slug if term.taxonomy else ""
                attributes.append(
                    Attribute(
                        link_id=service.id,
                        link_entity=LinkEntity.SERVICE,
                        taxonomy_term=term,
                        link_type=LINK_TYPE_BY_TAXONOMY.get(slug or "", ""),
                    )
                )
            if not item.free:
                costs.append(CostOption(service=service, option="Per keer", currency="EUR", amount=Decimal("2.50")))
            if item.wheelchair:
                access.append(Accessibility(location=location, description="Rolstoeltoegankelijk"))
            for code in item.languages:
                languages.append(Language(service=service, code=code, name=code))
        for model, rows in (
            (Service, services),
            (Location, locations),
            (ServiceAtLocation, links),
            (Address, addresses),
            (Attribute, attributes),
            (CostOption, costs),
            (Accessibility, access),
            (Language, languages),
        ):
            model.objects.bulk_create(rows, batch_size=1000)  # type: ignore[attr-defined]


def postcode_for(wijk_index: int, index: int) -> str:
    """Postcodes per wijk (35xx), so a postcode search lands in one wijk."""
    return f"{3511 + wijk_index * 10 + index % 10} {chr(65 + index % 26)}{chr(65 + (index // 26) % 26)}"


# --- The same corpus from another supplier ----------------------------------------------------

# Ids of the other supplier's records: their own namespace, never ours.
FOREIGN_NAMESPACE = "8a0e6f4b-2c1d-4e7a-9b3f-5d6c7e8f9a01"
# A term of theirs that none of ours means: left for the beheerder's mapping page.
UNMATCHED_TERM = ("WIJK-99", "Buurtgericht werken")


def _foreign_term(code: str, name: str) -> tuple[str, str]:
    """How the other supplier spells our term: some keep our code, others only our name, written
    differently (case, accents, spacing), under a code of their own."""
    number = int(code[2:])
    if code.startswith("DG") or (code.startswith("LD") and number % 2 == 0):
        return code, name.upper()
    plain = name.lower().replace("ë", "e").replace("é", "e")
    return f"T-{code[:2]}-{number:03d}", f"  {plain} "


def foreign_package(corpus: list[CorpusService], *, today: Any, hidden: int = 12) -> dict[str, bytes]:
    """The corpus as another supplier's HSDS CSV package, with a taxonomy (and term ids) of its own.

    Also `hidden` services that must never be shown: half inactive, half not confirmed for two
    years (stale), each a copy of a corpus service so it would rank high if it were not hidden.
    Service ids are uuid(int=index + 1), as in load_corpus, so the corpus is the ground truth.
    """
    import csv
    import io
    import uuid

    from wijkteam.sociale_kaart.hsds_io.tables import tables
    from wijkteam.sociale_kaart.taxonomies import shipped_taxonomies

    namespace = uuid.UUID(FOREIGN_NAMESPACE)

    def uid(*parts: object) -> str:
        return str(uuid.uuid5(namespace, "/".join(str(p) for p in parts)))

    rows: dict[str, list[dict[str, str]]] = defaultdict(list)
    taxonomy_id = uid("taxonomy")
    rows["taxonomy"].append({"id": taxonomy_id, "name": "Thema's", "description": "Indeling van de andere leverancier"})
    term_ids: dict[str, str] = {}
    for taxonomy in shipped_taxonomies()["taxonomies"]:
        for term in taxonomy["terms"]:
            code, name = _foreign_term(term["code"], term["name"])
            term_ids[term["code"]] = uid("term", term["code"])
            rows["taxonomy_term"].append({"id": term_ids[term["code"]], "code": code, "name": name,
                                          "description": name.strip(), "taxonomy_id": taxonomy_id})
    term_ids["unmatched"] = uid("term", "unmatched")
    rows["taxonomy_term"].append({"id": term_ids["unmatched"], "code": UNMATCHED_TERM[0], "name": UNMATCHED_TERM[1],
                                  "description": UNMATCHED_TERM[1], "taxonomy_id": taxonomy_id})
    organisations = sorted({s.organisation for s in corpus})
    for index, name in enumerate(organisations):
        rows["organization"].append({"id": uid("org", name), "name": name, "description": "Organisatie in Voorbeeld.",
                                     "email": f"info{index}@organisatie.test" if index % 3 else ""})
    items = [(index, item, "active", today - dt.timedelta(days=30)) for index, item in enumerate(corpus)]
    for extra in range(hidden):
        status, checked = ("inactive", today) if extra % 2 else ("active", today - dt.timedelta(days=730))
        items.append((len(corpus) + extra, corpus[extra % len(corpus)], status, checked))
    for index, item, status, checked in items:
        service_id = str(uuid.UUID(int=index + 1))
        location_id = str(uuid.UUID(int=10_000_000 + index))
        rows["service"].append({"id": service_id, "organization_id": uid("org", item.organisation), "name": item.name,
                                "description": item.description, "status": status,
                                "assured_date": checked.isoformat()})
        rows["location"].append({"id": location_id, "location_type": "physical",
                                 "name": f"{WIJKEN[item.wijk_index]} locatie {index}",
                                 "latitude": str(item.latitude), "longitude": str(item.longitude)})
        rows["service_at_location"].append({"id": uid("sal", index), "service_id": service_id,
                                            "location_id": location_id})
        rows["address"].append({"id": uid("address", index), "location_id": location_id, "address_type": "physical",
                                "address_1": f"Dorpsstraat {index % 300 + 1}", "city": "Voorbeeld",
                                "state_province": "Utrecht", "postal_code": postcode_for(item.wijk_index, index),
                                "country": "NL"})
        codes = [*item.terms, *(["unmatched"] if index % 10 == 0 else [])]
        for code in codes:
            rows["attribute"].append({"id": uid("attribute", index, code), "link_id": service_id,
                                      "link_entity": "service", "link_type": "topic",
                                      "taxonomy_term_id": term_ids[code]})
    files: dict[str, bytes] = {}
    for name, table_rows in rows.items():
        t = tables()[name]
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=[c.name for c in t.columns], lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(table_rows)
        files[t.csv_name] = out.getvalue().encode("utf-8")
    return files


def zipped(files: dict[str, bytes]) -> bytes:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def import_foreign_corpus(corpus: list[CorpusService]) -> None:
    """Empty the database's kaart and import the corpus as another supplier's package, as a beheerder would."""
    from django.core.management import call_command
    from django.utils import timezone

    from wijkteam.sociale_kaart.hsds_io.services import import_bytes
    from wijkteam.sociale_kaart.taxonomies import load_taxonomies

    call_command("flush", interactive=False, verbosity=0)
    load_taxonomies()
    result = import_bytes(zipped(foreign_package(corpus, today=timezone.localdate())), "andere-leverancier.zip")
    if result.errors:
        raise SystemExit("import failed: " + "; ".join(str(p) for p in result.errors[:5]))


def ground_truth(corpus: list[CorpusService]) -> dict[Any, set[str]]:
    """Service id -> its term codes, as written in the corpus (the same for both ways of loading)."""
    import uuid

    return {uuid.UUID(int=index + 1): set(item.terms) for index, item in enumerate(corpus)}


# --- Metrics --------------------------------------------------------------------------------


def dcg(gains: list[float]) -> float:
    return sum(g / math.log2(i + 2) for i, g in enumerate(gains))


@dataclass
class Outcome:
    query: dict[str, Any]
    hit5: bool
    ndcg10: float
    precision5: float
    # Hits that are not in the ground truth: hidden (stale, inactive) services that were shown.
    unexpected: int
    total: int
    top: list[str]
    interpretation: str


def evaluate(queries: list[dict[str, Any]], truth: dict[Any, set[str]]) -> list[Outcome]:
    """Run every query; a hit is relevant when its ground-truth codes include an expected one."""
    from wijkteam.sociale_kaart.search import SearchQuery, search_services

    outcomes = []
    for query in queries:
        expected = set(query["expected"])
        result = search_services(SearchQuery(text=query["q"], per_page=10))
        codes = [truth.get(h.service.id) for h in result.hits]
        gains = [1.0 if c and c & expected else 0.0 for c in codes]
        ideal_count = min(10, sum(1 for c in truth.values() if c & expected))
        ideal = dcg([1.0] * ideal_count)
        it = result.interpretation
        outcomes.append(
            Outcome(
                query=query,
                hit5=any(gains[:5]),
                ndcg10=dcg(gains) / ideal if ideal else 0.0,
                precision5=sum(gains[:5]) / 5,
                unexpected=sum(1 for c in codes if c is None),
                total=result.total,
                top=[
                    f"{h.service.name} [{' '.join(sorted(c for c in truth.get(h.service.id, ()) if c[:2] == 'LD'))}]"
                    for h in result.hits[:3]
                ],
                interpretation=(
                    f"domains={','.join(it.domains)} corrected={it.corrected} terms={list(it.expanded_terms)}"
                ),
            )
        )
    return outcomes


@dataclass(frozen=True)
class Summary:
    queries: int
    hit5: float
    ndcg10: float
    precision5: float
    zero_results: int
    unexpected: int


def summarise(outcomes: list[Outcome]) -> Summary:
    n = len(outcomes) or 1
    return Summary(
        queries=len(outcomes),
        hit5=sum(o.hit5 for o in outcomes) / n,
        ndcg10=sum(o.ndcg10 for o in outcomes) / n,
        precision5=sum(o.precision5 for o in outcomes) / n,
        zero_results=sum(1 for o in outcomes if o.total == 0),
        unexpected=sum(o.unexpected for o in outcomes),
    )


def report(outcomes: list[Outcome], *, verbose: bool) -> None:
    groups: dict[str, list[Outcome]] = defaultdict(list)
    for outcome in outcomes:
        groups[outcome.query["class"]].append(outcome)
        groups["held-out" if outcome.query.get("heldout") else "tuning set"].append(outcome)
        groups["ALL"].append(outcome)
    order = [*sorted(k for k in groups if k not in {"ALL", "held-out", "tuning set"}), "tuning set", "held-out", "ALL"]
    print(f"{'class':<14} {'queries':>7} {'hit@5':>8} {'nDCG@10':>8} {'P@5':>6} {'zero':>5} {'hidden':>6}")
    for key in order:
        m = summarise(groups[key])
        print(f"{key:<14} {m.queries:>7} {m.hit5:>8.1%} {m.ndcg10:>8.3f} {m.precision5:>6.2f} {m.zero_results:>5} "
              f"{m.unexpected:>6}")
    print("(P@5: relevant share of the top five; zero: queries without any result; hidden: stale or inactive "
          "services shown)")
    zero = [o for o in outcomes if o.total == 0]
    if zero:
        print(f"\nzero-result queries ({len(zero)}): " + ", ".join(repr(o.query["q"]) for o in zero))
    misses = [o for o in outcomes if not o.hit5]
    if misses:
        print(f"\nmisses at 5 ({len(misses)}):")
        for o in misses:
            print(f"  {o.query['q']!r} expected {','.join(o.query['expected'])}: {o.top}")
            if verbose:
                print(f"      {o.interpretation}")
    if verbose:
        print("\nweakest nDCG@10:")
        for o in sorted(outcomes, key=lambda o: o.ndcg10)[:10]:
            print(f"  {o.ndcg10:.2f} {o.query['q']!r}: {o.top}  {o.interpretation}")


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--services", type=int, default=int(os.environ.get("BENCH_SEARCH_SERVICES", 300)))
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument(
        "--corpus",
        choices=["own", "imported", "both"],
        default="both",
        help="load the corpus directly with our terms, import it as another supplier's package, or both",
    )
    parser.add_argument(
        "--postgres-url",
        default="",
        help="run on a fresh database on this PostgreSQL server (e.g. postgres://postgres@127.0.0.1:5432/postgres)",
    )
    return parser.parse_args(argv)


def fresh_postgres(admin_url: str) -> tuple[str, Any]:
    """A new database wijkteam_bench_<random> on the server of `admin_url`, and its drop function."""
    import urllib.parse

    import psycopg

    parsed = urllib.parse.urlsplit(admin_url)
    name = f"wijkteam_bench_{secrets.token_hex(4)}"
    admin = parsed._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')

    def drop() -> None:
        from django.db import connections

        connections.close_all()
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    return parsed._replace(path=f"/{name}").geturl(), drop


def main() -> None:
    args = parse_args(sys.argv[1:])
    sys.path.insert(0, str(ROOT))
    queries = json.loads(JUDGEMENTS.read_text(encoding="utf-8"))["queries"]
    database_url, drop = fresh_postgres(args.postgres_url) if args.postgres_url else (None, None)
    try:
        with tempfile.TemporaryDirectory(prefix="wijkteam-bench-") as tmp:
            run(Path(tmp), database_url, queries, args)
    finally:
        if drop is not None:
            drop()


def run(tmp: Path, database_url: str | None, queries: list[dict[str, Any]], args: argparse.Namespace) -> None:
    configure(tmp, database_url)
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from wijkteam.sociale_kaart.search import reindex_all

    call_command("migrate", verbosity=0)
    corpus = build(args.services)
    truth = ground_truth(corpus)
    if args.corpus in {"own", "both"}:
        load_corpus(corpus)
        start = time.perf_counter()
        reindex_all()
        index_seconds = time.perf_counter() - start
        print(
            f"{connection.vendor}: corpus {len(corpus)} services ({len(TEMPLATES)} templates), "
            f"index built in {index_seconds:.2f} s"
        )
        _evaluate_and_report(queries, truth, args)
    if args.corpus in {"imported", "both"}:
        start = time.perf_counter()
        import_foreign_corpus(corpus)
        reindex_all()
        print(
            f"\n{connection.vendor}: the same corpus imported as another supplier's HSDS package (own taxonomy "
            f"ids; plus stale and inactive copies) into an empty database in {time.perf_counter() - start:.2f} s"
        )
        _evaluate_and_report(queries, truth, args)


def _evaluate_and_report(queries: list[dict[str, Any]], truth: dict[Any, set[str]], args: argparse.Namespace) -> None:
    start = time.perf_counter()
    outcomes = evaluate(queries, truth)
    seconds = time.perf_counter() - start
    print(f"{len(queries)} judged queries, {seconds / len(queries) * 1000:.1f} ms per search (function level)\n")
    report(outcomes, verbose=args.verbose)

if __name__ == "__main__":
    main()
