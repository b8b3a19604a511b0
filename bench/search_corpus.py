# SPDX-License-Identifier: EUPL-1.2
"""A deterministic, realistic sociale kaart for the search benches (no demo step exists for it yet).

Services are written the way Dutch municipal directories describe their offer (B1 Dutch), per
levensdomein, independently of the judged queries in data/relevance_judgements.json: the queries
are how residents ask, these are how providers describe themselves. `build(n)` makes n services
by combining the templates with organisations, wijken and small variations.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

# (name, description, term codes). Written as providers describe their offer.
TEMPLATES: list[tuple[str, str, list[str]]] = [
    # LD01 Financiën
    ("Schuldhulpverlening", "Heeft u schulden? Samen met u maken we een overzicht en een plan. We nemen contact op met de partijen aan wie u geld moet.", ["LD01", "SA07", "DG04"]),
    ("Formulierenbrigade", "Vrijwilligers helpen u met het invullen van formulieren en aanvragen, bijvoorbeeld voor toeslagen of kwijtschelding.", ["LD01", "LD10", "SA06"]),
    ("Thuisadministratie", "Een vrijwilliger komt bij u thuis en helpt u uw papieren op orde te brengen en overzicht te houden over uw inkomsten en uitgaven.", ["LD01", "LD10", "SA04"]),
    ("Budgetcursus Rondkomen met je inkomen", "In vier bijeenkomsten leert u een budget maken, besparen op vaste lasten en betalingsachterstanden voorkomen.", ["LD01", "SA02", "DG04"]),
    ("Voedselbank", "Tijdelijk een voedselpakket voor huishoudens met een heel laag inkomen. Aanmelden via een hulpverlener.", ["LD01", "SA08"]),
    ("Sociaal raadslieden", "Gratis advies over uitkeringen, toeslagen, belastingen en brieven van instanties die u niet begrijpt.", ["LD01", "LD13", "SA06"]),
    ("Stadspas en minimaregelingen", "Met een laag inkomen kunt u korting krijgen op sport, cultuur en schoolkosten. Wij helpen met de aanvraag.", ["LD01", "SA06"]),
    ("Vroegsignalering betalingsachterstanden", "Loopt u achter met de huur, energie of zorgverzekering? Wij nemen contact met u op en zoeken samen naar een oplossing.", ["LD01", "SA07"]),
    ("Beschermingsbewind", "Een bewindvoerder beheert uw geld als u dat zelf (tijdelijk) niet kunt. U krijgt leefgeld op een vaste dag.", ["LD01", "SA07"]),
    # LD02 Werk & opleiding
    ("Werkplein jobcoach", "Een jobcoach helpt u met uw cv, een sollicitatiebrief en het vinden van een baan die bij u past.", ["LD02", "SA07"]),
    ("Leerwerkloket", "Advies over een opleiding, omscholing of het halen van een diploma naast uw werk.", ["LD02", "SA06"]),
    ("Jongerenloket school en werk", "Voor jongeren tot 27 jaar zonder startkwalificatie: wij helpen je terug naar school of aan een baan.", ["LD02", "DG02", "SA07"]),
    ("Participatiebedrijf", "Werken met begeleiding in een leerwerkplek, in de groenvoorziening, schoonmaak of logistiek.", ["LD02", "LD03", "SA07"]),
    ("Sollicitatietraining", "Oefenen met sollicitatiegesprekken en uw netwerk inzetten om werk te vinden.", ["LD02", "SA02"]),
    ("Taal en werk traject", "Nederlands leren op de werkvloer, voor nieuwkomers die willen gaan werken.", ["LD02", "LD12", "DG07", "SA02"]),
    # LD03 Tijdsbesteding
    ("Dagbesteding De Werkplaats", "Een zinvolle dag met houtbewerking, tuinieren en koken, in een kleine groep met begeleiding.", ["LD03", "SA05"]),
    ("Vrijwilligerscentrale", "Wilt u iets betekenen voor een ander? Wij zoeken samen met u vrijwilligerswerk dat bij u past.", ["LD03", "SA06"]),
    ("Creatief atelier", "Schilderen, tekenen en handwerken met buurtbewoners. Materiaal is aanwezig.", ["LD03", "SA05"]),
    ("Wandelgroep in het park", "Elke week samen wandelen in een rustig tempo, met na afloop koffie.", ["LD03", "LD07", "SA05"]),
    ("Buurtmoestuin", "Samen groente kweken en oogsten. Geen ervaring nodig, wel zin om buiten bezig te zijn.", ["LD03", "SA05"]),
    ("Repair café", "Breng uw kapotte spullen mee en repareer ze samen met handige vrijwilligers.", ["LD03", "SA05"]),
    # LD04 Huisvesting
    ("Spreekuur wonen", "Vragen over uw woning, uw huurcontract, onderhoud of een urgentieverklaring.", ["LD04", "SA01"]),
    ("Huurteam", "Is uw huur te hoog of doet de verhuurder niets aan gebreken? Het huurteam helpt u gratis.", ["LD04", "LD13", "SA06"]),
    ("Maatschappelijke opvang", "Een slaapplaats en begeleiding voor mensen zonder vaste woon- of verblijfplaats.", ["LD04", "SA07"]),
    ("Woonbegeleiding", "Begeleiding aan huis om zelfstandig te kunnen blijven wonen en uw huishouden te regelen.", ["LD04", "LD10", "SA07"]),
    ("Woningaanpassing Wmo", "Een traplift, drempels weg of een aangepaste badkamer, zodat u veilig thuis kunt blijven wonen.", ["LD04", "LD07", "SA06"]),
    ("Preventie huisuitzetting", "Dreigt u uw woning kwijt te raken? Wij bemiddelen met de verhuurder en zoeken naar een oplossing.", ["LD04", "LD01", "SA07"]),
    ("Buurtbemiddeling", "Problemen met geluid, rommel of ruzie met de buren? Getrainde vrijwilligers helpen u om er samen uit te komen.", ["LD04", "LD11", "SA04"]),
    # LD05 Huiselijke relaties
    ("Opvoedspreekuur", "Vragen over de opvoeding van uw kind of tiener? Kom langs voor een gesprek met een pedagoog.", ["LD05", "DG03", "SA01"]),
    ("Veilig Thuis", "Advies en hulp bij huiselijk geweld en kindermishandeling, ook voor buren en familie die zich zorgen maken.", ["LD05", "SA06"]),
    ("Scheidingsloket", "Hulp bij uit elkaar gaan: afspraken over de kinderen, het ouderschapsplan en de omgang.", ["LD05", "DG03", "SA06"]),
    ("Gezinscoach", "Een vaste coach die het hele gezin helpt als het thuis niet goed loopt.", ["LD05", "SA07", "DG03"]),
    ("Relatietherapie", "Gesprekken voor stellen die vaak ruzie hebben of elkaar kwijt zijn geraakt.", ["LD05", "SA07"]),
    ("Cursus Positief opvoeden", "Praktische tips voor ouders van jonge kinderen, in een groep met andere ouders.", ["LD05", "DG03", "SA02"]),
    # LD06 Geestelijke gezondheid
    ("Grip op je dip", "Online cursus voor mensen die zich neerslachtig voelen en weer grip willen krijgen.", ["LD06", "SA02"]),
    ("Praktijkondersteuner GGZ", "Kortdurende gesprekken bij psychische klachten, via de huisarts.", ["LD06", "SA07"]),
    ("Rouwgroep", "Samen praten over het verlies van een dierbare, met mensen die hetzelfde meemaken.", ["LD06", "SA03"]),
    ("Zelfmoordpreventie 113", "Denkt u aan de dood? Praat erover, dag en nacht anoniem via chat of telefoon.", ["LD06", "SA06"]),
    ("Mentale fitheid training", "Leer omgaan met spanning en piekergedachten met oefeningen voor rust en ontspanning.", ["LD06", "SA02"]),
    ("Herstelwerkplaats", "Een plek waar mensen met psychische kwetsbaarheid werken aan hun herstel, met ervaringsdeskundigen.", ["LD06", "LD03", "SA03"]),
    # LD07 Lichamelijke gezondheid
    ("Valpreventie training", "Oefeningen om sterker en stabieler te worden, zodat u minder snel valt.", ["LD07", "DG05", "SA02"]),
    ("Beweegmakelaar", "Samen zoeken naar een sport of beweegactiviteit die past bij uw conditie en beperking.", ["LD07", "SA06"]),
    ("Gecombineerde leefstijlinterventie", "Een programma van twee jaar over gezonder eten, meer bewegen en afvallen, vergoed door de zorgverzekeraar.", ["LD07", "SA02"]),
    ("Diabetes lotgenotengroep", "Ervaringen uitwisselen over leven met diabetes.", ["LD07", "SA03"]),
    ("Wijkverpleegkundige", "Verpleging en advies thuis bij ziekte, na een ziekenhuisopname of bij chronische klachten.", ["LD07", "LD09", "SA07"]),
    ("Ontmoetingscentrum dementie", "Activiteiten voor mensen met geheugenproblemen en steun voor hun naasten.", ["LD07", "LD06", "DG06", "SA05"]),
    # LD08 Middelengebruik
    ("Preventie middelengebruik jongeren", "Gesprekken voor jongeren en ouders over alcohol, cannabis en gamen.", ["LD08", "DG02", "DG03"]),
    ("Verslavingszorg ambulant", "Behandeling als u niet meer kunt stoppen met drinken, drugs of gokken.", ["LD08", "SA07"]),
    ("Anonieme Alcoholisten", "Zelfhulpgroep voor mensen die van de drank af willen blijven.", ["LD08", "SA03"]),
    ("Stoppen met roken cursus", "In een groep samen stoppen met roken, met begeleiding van een coach.", ["LD08", "LD07", "SA02"]),
    ("Gokhulp", "Anoniem advies voor gokkers en hun naasten, ook via chat.", ["LD08", "SA06"]),
    ("Naastengroep verslaving", "Voor partners en ouders van iemand met een verslaving: steun en herkenning.", ["LD08", "SA03", "DG06"]),
    # LD09 Basale ADL
    ("Thuiszorg persoonlijke verzorging", "Hulp bij wassen, aankleden en medicijnen, een of meer keren per dag.", ["LD09", "SA07"]),
    ("Hulpmiddelenuitleen", "Tijdelijk een rollator, douchestoel of toiletverhoger lenen.", ["LD09", "LD07", "SA08"]),
    ("Dagopvang met verzorging", "Overdag opvang voor ouderen die niet meer alleen thuis kunnen zijn, met hulp bij eten en verzorging.", ["LD09", "LD03", "DG05"]),
    ("Incontinentiespreekuur", "Advies over hulpmiddelen en oefeningen bij urineverlies.", ["LD09", "LD07", "SA01"]),
    # LD10 Instrumentele ADL
    ("Huishoudelijke ondersteuning", "Hulp bij het schoonhouden van uw huis als u dat zelf niet meer kunt.", ["LD10", "SA07"]),
    ("Boodschappenservice", "Een vrijwilliger doet wekelijks uw boodschappen of gaat met u mee naar de winkel.", ["LD10", "SA04", "DG05"]),
    ("Maaltijdservice", "Elke dag een warme maaltijd aan huis, ook dieetmaaltijden.", ["LD10", "LD09"]),
    ("Vervoersdienst Plusbus", "Vervoer voor ouderen en mensen met een beperking naar de dokter, winkel of familie.", ["LD10", "DG05"]),
    ("Digicafé", "Hulp met uw telefoon, tablet of computer, DigiD en online bankieren.", ["LD10", "LD12", "SA01"]),
    ("Klussendienst", "Vrijwilligers doen kleine klussen in en om het huis, zoals een lamp ophangen of de tuin bijhouden.", ["LD10", "SA04"]),
    # LD11 Sociaal netwerk
    ("Maatjesproject", "Een vaste vrijwilliger bezoekt u en gaat met u wandelen of koffie drinken. Voor wie weinig mensen om zich heen heeft.", ["LD11", "SA04"]),
    ("Ontmoetingsochtend in het buurthuis", "Elke dinsdag koffie drinken en een praatje maken met buurtgenoten.", ["LD11", "SA05"]),
    ("Mantelzorgsteunpunt", "Zorgt u voor een naaste? Wij bieden advies, lotgenotencontact en vervangende zorg zodat u even op adem kunt komen.", ["LD11", "DG06", "SA06"]),
    ("Telefooncirkel", "Elke ochtend belt u met een andere deelnemer: zo weet u dat er iemand aan u denkt.", ["LD11", "SA04", "DG05"]),
    ("Samen eten", "Een keer per week samen aan tafel in de wijk, voor een klein bedrag.", ["LD11", "SA05"]),
    ("Vriendschapscursus", "Leer hoe u nieuwe contacten legt en vriendschappen onderhoudt.", ["LD11", "SA02"]),
    ("Huisbezoek ouderenadviseur", "De ouderenadviseur komt langs om te kijken hoe het met u gaat en wat u nodig heeft.", ["LD11", "DG05", "SA07"]),
    # LD12 Maatschappelijke participatie
    ("Taalcafé", "Oefen Nederlands spreken in een kleine groep, met vrijwilligers.", ["LD12", "SA05", "DG07"]),
    ("Taalhuis", "Beter leren lezen, schrijven en rekenen, op uw eigen niveau en tempo.", ["LD12", "SA02"]),
    ("Inburgeringsbegeleiding", "Begeleiding bij uw inburgering: taal, werk en wegwijs in de gemeente.", ["LD12", "DG07", "SA07"]),
    ("Bewonersinitiatieven", "Heeft u een idee voor de buurt? Wij helpen u het samen met buren te organiseren.", ["LD12", "SA06"]),
    ("Antidiscriminatievoorziening", "Meld discriminatie en krijg advies en ondersteuning.", ["LD12", "LD13", "SA06"]),
    ("Jeugdsportfonds", "Vergoeding van contributie en sportkleding voor kinderen uit gezinnen met weinig geld.", ["LD12", "LD01", "DG01", "SA08"]),
    # LD13 Justitie
    ("Juridisch Loket", "Gratis juridisch advies over bijvoorbeeld arbeidsconflicten, huur of schulden.", ["LD13", "SA06"]),
    ("Slachtofferhulp", "Steun en praktische hulp na een misdrijf, ongeval of calamiteit.", ["LD13", "LD06", "SA07"]),
    ("Reclassering nazorg", "Begeleiding na detentie bij wonen, werk en het opbouwen van een nieuw leven.", ["LD13", "SA07"]),
    ("Bureau Halt", "Een leerstraf voor jongeren die iets strafbaars hebben gedaan, in plaats van een proces.", ["LD13", "DG02"]),
    ("Sociaal advocaat spreekuur", "Gratis eerste gesprek met een advocaat over uw juridische probleem.", ["LD13", "SA01"]),
    ("Buurtwerk jongeren", "Jongerenwerkers in de wijk voor een praatje, activiteiten en hulp bij problemen.", ["LD12", "LD03", "DG02", "SA05"]),
]

ORGANISATIONS = [
    "Stichting Welzijn Voorbeeld", "Gemeente Voorbeeld", "Buurtteam Voorbeeld", "Humanitas afdeling Voorbeeld",
    "Rode Kruis Voorbeeld", "Stichting Present", "Bibliotheek Voorbeeld", "Wijkcentrum De Brug",
    "GGD Regio Voorbeeld", "Stichting MEE", "Leger des Heils", "Vrijwilligerspunt Voorbeeld",
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
