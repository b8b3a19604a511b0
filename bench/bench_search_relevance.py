# SPDX-License-Identifier: EUPL-1.2
"""Relevance of the sociale kaart search on everyday-Dutch help requests.

    .venv/bin/python bench/bench_search_relevance.py            # 300 services, SQLite
    .venv/bin/python bench/run.py search_relevance -- --services 600 --verbose

Builds a throwaway database with a deterministic, realistic sociale kaart (below: services written
the way Dutch municipal directories describe their offer, per levensdomein, independent of the
judged queries), indexes it, and runs every query of data/relevance_judgements.json through
search_services. A result is relevant when it carries one of the query's expected levensdomeinen.
Prints hit@5 (a relevant result in the top five) and nDCG@10 (binary gains) per query class, for
the held-out queries (never used to tune synonyms) and overall; --verbose lists the misses.
"""

from __future__ import annotations

import argparse
import base64
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
    import datetime as dt
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


# --- Metrics --------------------------------------------------------------------------------


def dcg(gains: list[float]) -> float:
    return sum(g / math.log2(i + 2) for i, g in enumerate(gains))


@dataclass
class Outcome:
    query: dict[str, Any]
    hit5: bool
    ndcg10: float
    top: list[str]
    interpretation: str


def evaluate(queries: list[dict[str, Any]]) -> list[Outcome]:
    from wijkteam.sociale_kaart.models import Attribute, LinkEntity
    from wijkteam.sociale_kaart.search import SearchQuery, search_services

    codes_by_service: dict[Any, set[str]] = defaultdict(set)
    for link_id, code in Attribute.objects.filter(link_entity=LinkEntity.SERVICE).values_list(
        "link_id", "taxonomy_term__code"
    ):
        codes_by_service[link_id].add(code)
    outcomes = []
    for query in queries:
        expected = set(query["expected"])
        result = search_services(SearchQuery(text=query["q"], per_page=10))
        gains = [1.0 if codes_by_service[h.service.id] & expected else 0.0 for h in result.hits]
        ideal_count = min(10, sum(1 for codes in codes_by_service.values() if codes & expected))
        ideal = dcg([1.0] * ideal_count)
        it = result.interpretation
        outcomes.append(
            Outcome(
                query=query,
                hit5=any(gains[:5]),
                ndcg10=dcg(gains) / ideal if ideal else 0.0,
                top=[
                    f"{h.service.name} [{' '.join(sorted(c for c in codes_by_service[h.service.id] if c[:2] == 'LD'))}]"
                    for h in result.hits[:3]
                ],
                interpretation=(
                    f"domains={','.join(it.domains)} corrected={it.corrected} terms={list(it.expanded_terms)}"
                ),
            )
        )
    return outcomes


def report(outcomes: list[Outcome], *, verbose: bool) -> None:
    groups: dict[str, list[Outcome]] = defaultdict(list)
    for outcome in outcomes:
        groups[outcome.query["class"]].append(outcome)
        groups["held-out" if outcome.query.get("heldout") else "tuning set"].append(outcome)
        groups["ALL"].append(outcome)
    order = [*sorted(k for k in groups if k not in {"ALL", "held-out", "tuning set"}), "tuning set", "held-out", "ALL"]
    print(f"{'class':<14} {'queries':>7} {'hit@5':>8} {'nDCG@10':>8}")
    for key in order:
        rows = groups[key]
        hit = sum(o.hit5 for o in rows) / len(rows)
        ndcg = sum(o.ndcg10 for o in rows) / len(rows)
        print(f"{key:<14} {len(rows):>7} {hit:>8.1%} {ndcg:>8.3f}")
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
    load_corpus(corpus)
    start = time.perf_counter()
    reindex_all()
    index_seconds = time.perf_counter() - start
    start = time.perf_counter()
    outcomes = evaluate(queries)
    seconds = time.perf_counter() - start
    print(
        f"{connection.vendor}: corpus {len(corpus)} services ({len(TEMPLATES)} templates), "
        f"index built in {index_seconds:.2f} s"
    )
    print(f"{len(queries)} judged queries, {seconds / len(queries) * 1000:.1f} ms per search (function level)\n")
    report(outcomes, verbose=args.verbose)


if __name__ == "__main__":
    main()
