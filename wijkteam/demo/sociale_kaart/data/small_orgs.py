# SPDX-License-Identifier: EUPL-1.2
"""Small organisations: churches, clubs, lotgenotengroepen and stichtingen with one or two services,
plus the families generated per buurt or wijk (buurthuizen, bewonersverenigingen, speeltuinen, ...).

Family members' keys follow from buurt and wijk codes; only their names come from the seeded random
stream, so a different seed renames "Buurthuis De Schakel" but never changes which rows exist.
"""

from __future__ import annotations

import random

from wijkteam.demo.places import WIJKEN

from .spec import Offer as O
from .spec import Org, solo
from .spec import Venue as V
from .streets import WIJKCENTRUM_BUURTEN, buurt_codes, community_venue
from .templates_buurt import BUURTHUIS_ACTIVITIES

SINGLES: tuple[Org, ...] = (
    # --- Faith and community ----------------------------------------------------------------
    Org(
        key="pg-ontmoeting",
        name="Protestantse Gemeente De Ontmoeting",
        text="Kerkelijke gemeente in de binnenstad. De diaconie zet zich in voor iedereen die het moeilijk heeft.",
        venues=(V("stadskerk", "Stadskerk, zaal De Ontmoeting", "BU09990003", "kerk", short="De Ontmoeting"),),
        offers=(O("open-huis-kerk", "stadskerk"), O("warme-maaltijd", "stadskerk")),
    ),
    solo("parochie", "Parochie Sint-Jozef", "Rooms-katholieke parochie in Zuid-West met een actieve diaconie.",
         "open-huis-kerk", V("parochie", "Parochiecentrum Sint-Jozef", "BU09990300", "kerk", short="Sint-Jozef")),
    Org(
        key="islamitisch-centrum",
        name="Stichting Islamitisch Centrum Noord",
        text="Moskee en ontmoetingscentrum. Naast het gebed organiseren wij activiteiten voor vrouwen en kinderen.",
        venues=(V("icn", "Islamitisch Centrum Noord", "BU09990102", "clubhuis", short="Centrum Noord"),),
        offers=(O("vrouwengroep", "icn"), O("huiswerkbegeleiding", "icn")),
    ),
    solo("de-rank", "Evangelische Gemeente De Rank", "Evangelische gemeente in de Sterrenwijk.", "warme-maaltijd",
         V("de-rank", "Gebouw De Rank", "BU09990303", "kerk", short="De Rank")),
    solo("vrouwen-ontmoeten", "Stichting Vrouwen Ontmoeten Voorbeeld",
         "Vrouwen uit alle culturen ontmoeten elkaar en leren van elkaar.", "vrouwengroep", "wc-oost"),
    solo("oekraiense-gemeenschap", "Vereniging Oekraïense Gemeenschap Voorbeeld",
         "Vrijwilligers die Oekraïense inwoners helpen hun weg te vinden in Voorbeeld.", "oekraiense-ontmoeting",
         V("oekraiens-centrum", "Ontmoetingscentrum Kalyna", "BU09990200", "clubhuis", short="Kalyna")),
    solo("poolse-stichting", "Stichting Razem Voorbeeld", "Informatie en ontmoeting voor Poolse inwoners.",
         "poolse-werknemers", "bieb-centrum"),
    solo("turkse-ouderen", "Turkse Ouderenvereniging Voorbeeld", "Ontmoeting en informatie voor Turkse ouderen.",
         "turkse-ouderen", "wc-zw"),
    # --- Planted near-duplicates: the same service entered a second time by another source -------
    solo("taal-verbindt", "Stichting Taal Verbindt", "Vrijwilligers die nieuwkomers helpen met Nederlands praten.",
         "taalcafe", "bieb-centrum", offer_name="Taal café de Brug"),
    solo("diaconie-oost", "Diaconie Voorbeeld-Oost", "De gezamenlijke diaconieën van de kerken in Oost.",
         "voedselbank", "vb-depot", offer_name="Voedselbank uitgiftepunt Oost"),
    solo("repair-cafe", "Stichting Repair Café Voorbeeld", "Vrijwilligers die samen met bewoners spullen repareren.",
         "repaircafe", "kringloop", offer_name="Repair Café Noord"),
    # --- Lotgenoten and health --------------------------------------------------------------
    solo("rouwcafe", "Stichting Rouwcafé Voorbeeld", "Een plek voor iedereen die rouwt.", "rouwgroep", "wc-oost"),
    solo("scheiding", "Stichting Lotgenoten Scheiding Voorbeeld", "Praatgroepen voor mensen na een scheiding.",
         "scheiding-volwassenen", "wc-centrum"),
    solo("nah", "NAH Contactgroep Voorbeeld", "Contactgroep voor mensen met niet-aangeboren hersenletsel.",
         "nah-contactgroep", "weidehof"),
    solo("parkinson", "Parkinson Café Voorbeeld", "Ontmoeting en informatie rond de ziekte van Parkinson.",
         "parkinson-cafe", "wc-noord"),
    solo("pijnpunt", "Vereniging Pijnpunt", "Patiëntenvereniging voor mensen met chronische pijn.",
         "chronische-pijn", "wc-zw"),
    solo("nuchter-verder", "Zelfhulpgroep Nuchter Verder", "Anonieme zelfhulpgroep voor mensen die willen stoppen "
         "met drinken.", "zelfhulp-alcohol", "stadskerk"),
    solo("diabetes", "Vereniging Diabetes Samen Voorbeeld", "Lotgenotencontact voor mensen met diabetes.",
         "diabetes-groep", "bieb-oost"),
    solo("autisme-ouders", "Oudervereniging Autisme Voorbeeld", "Ouders van kinderen met autisme steunen elkaar.",
         "autisme-ouders", "okc-molen"),
    solo("de-kiem", "Stichting Hersteltuin De Kiem", "Tuin voor herstel en dagbesteding in de Noorderpark.",
         "dagbesteding-tuin", V("de-kiem", "Hersteltuin De Kiem", "BU09990103", "buiten", short="De Kiem")),
    solo("samen-op-pad", "Stichting Samen op Pad", "Vrijwilligers die ouderen meenemen op uitjes.", "samen-op-pad",
         "wc-noord"),
    solo("weduwen", "Contactgroep Weduwen en Weduwnaars Voorbeeld", "Ontmoeting na het verlies van een partner.",
         "partner-verlies", "weidehof"),
    solo("kind-en-rouw", "Stichting Kind en Rouw", "Steun voor kinderen die iemand verloren hebben.",
         "rouwgroep-kinderen", "okc-molen"),
    solo("vriendendienst", "Stichting Vriendendienst Voorbeeld", "Maatjes voor mensen met psychische problemen.",
         "ggz-maatje", "ggz-luifel"),
    solo("dementie", "Stichting Dementievriendelijk Voorbeeld", "Ontmoeting en steun bij dementie.",
         "dementie-ontmoeting", "weidehof"),
    solo("hoorvereniging", "Hoorvereniging Voorbeeld", "Vrijwilligers met kennis van slechthorendheid.",
         "hoorspreekuur", "bieb-centrum"),
    solo("vptz", "Stichting Vrijwillige Terminale Zorg Voorbeeld", "Getrainde vrijwilligers in de laatste "
         "levensfase.", "vptz", None),
    solo("zorgboerderij", "Zorgboerderij De Hoeve", "Boerderij met dagbesteding voor ouderen en mensen met een "
         "beperking.", "zorgboerderij", V("de-hoeve", "Zorgboerderij De Hoeve", "BU09990302", "buiten")),
    solo("ouderen-helpen", "Stichting Ouderen Helpen Ouderen", "Vitale ouderen die andere ouderen gezelschap bieden.",
         "gezelschap-aan-huis", "wc-centrum"),
    solo("fietsmaatjes", "Stichting Fietsmaatjes Voorbeeld", "Samen fietsen op de duofiets.", "fietsmaatjes",
         "weidehof"),
    solo("de-opstap", "Stichting De Opstap", "Dagbesteding en werk voor mensen die herstellen van een verslaving.",
         "dagactiviteiten-verslaving", V("opstap", "De Opstap, werkplaats", "BU09990002", "kantoor")),
    # --- Sport and free time --------------------------------------------------------------------
    solo("de-stappers", "Wandelclub De Stappers", "Wandelclub voor iedereen die graag buiten is.", "wandelgroep",
         "wc-zw"),
    solo("trappers", "Fietsclub De Trappers 60+", "Fietsvereniging voor 60-plussers.", "fietsgroep", "wc-noord"),
    solo("jeu-de-boules", "Jeu de Boulesclub Les Amis", "Gezellige club met vier banen.", "jeu-de-boules",
         V("les-amis", "Boulodrome Les Amis", "BU09990301", "buiten", short="Les Amis")),
    solo("schaakclub", "Schaakclub De Toren", "Schaakclub voor jong en oud.", "schaakclub", "bieb-oost"),
    solo("muziek", "Stichting Muziek voor Iedereen", "Muziekles voor kinderen, ook als er weinig geld is.",
         "muziekles-kinderen", "kc-ster"),
    solo("swingend-grijs", "Dansvereniging Swingend Grijs", "Dansen voor 55-plussers.", "seniorendans", "wc-centrum"),
    solo("vv-voorbeeld", "Voetbalvereniging VV Voorbeeld", "Voetbalvereniging met teams voor iedereen.", "g-sport",
         "sportpark"),
    solo("av-start", "Atletiekvereniging Start", "Atletiek en hardlopen op het sportpark.", "hardlopen-beginners",
         "sportpark"),
    solo("natuur-dichtbij", "Stichting Natuur Dichtbij", "Natuurgidsen die de natuur in de stad laten zien.",
         "natuurwandeling", "sporthal-noord"),
    solo("de-ezel", "Kunstcentrum De Ezel", "Cursussen tekenen, schilderen en boetseren.", "schildercursus",
         V("de-ezel", "Kunstcentrum De Ezel", "BU09990000", "clubhuis", short="De Ezel")),
    solo("het-doek", "Toneelvereniging Het Doek", "Amateurtoneel met een jeugdafdeling.", "jongerentheater",
         "jc-noord"),
    solo("de-keu", "Biljartvereniging De Keu", "Biljarten in clubverband.", "biljart",
         V("de-keu", "Clubhuis De Keu", "BU09990202", "clubhuis", short="De Keu")),
    solo("scouting", "Scouting Voorbeeld-Noord", "Scoutinggroep met speltakken van 5 tot 21 jaar.", "scouting",
         V("scouting", "Scoutinggebouw Noorderpark", "BU09990103", "buiten")),
    solo("hooiberg", "Stichting Kinderboerderij De Hooiberg", "Kinderboerderij gerund door vrijwilligers.",
         "kinderboerderij", V("hooiberg", "Kinderboerderij De Hooiberg", "BU09990202", "buiten")),
    solo("volkstuin", "Volkstuinvereniging Ons Genoegen", "Volkstuinen aan de rand van de stad.", "volkstuin",
         V("ons-genoegen", "Volkstuinencomplex Ons Genoegen", "BU09990302", "buiten")),
    # --- Children, young people and families ----------------------------------------------------
    solo("schoolspullen", "Stichting Schoolspullen Voorbeeld", "Wij zorgen dat ieder kind mee kan doen op school.",
         "schoolspullen", "wc-centrum"),
    solo("speelkwartier", "Stichting Speel-o-theek Het Speelkwartier", "Speelgoed lenen voor kinderen van 0 tot 12.",
         "speel-o-theek", "kc-ster"),
    solo("moeder-voor-moeder", "Stichting Moeder voor Moeder", "Ervaren moeders ondersteunen jonge moeders.",
         "moeder-voor-moeder", "okc-molen"),
    solo("huiswerkhulp", "Stichting Huiswerkhulp Voorbeeld", "Vrijwilligers die kinderen helpen met huiswerk.",
         "huiswerkbegeleiding", "bieb-oost"),
    solo("babyspullen", "Stichting Babyspullen Voorbeeld", "Babyspullen voor ouders met weinig geld.",
         "babyspullen", "okc-molen"),
    solo("meedoenfonds", "Stichting Meedoenfonds Voorbeeld", "Sport en cultuur voor ieder kind.", "meedoenfonds",
         None),
    solo("vakantiespelen", "Stichting Vakantiespelen Voorbeeld", "Zomeractiviteiten voor kinderen.",
         "vakantieweek-kinderen", "sportpark"),
    solo("steungezin", "Stichting Steungezin Voorbeeld", "Gezinnen die andere gezinnen een steuntje geven.",
         "steungezin", "wc-zw"),
    solo("sinterklaas", "Stichting Sint voor Ieder Kind", "Een sinterklaascadeau voor kinderen uit gezinnen met "
         "weinig geld.", "sinterklaas", None),
    solo("dagje-uit", "Stichting Dagje Uit Voorbeeld", "Uitjes voor gezinnen met een krappe beurs.", "dagje-uit",
         "wc-oost"),
    solo("kinderpraatlijn", "Stichting Kinderpraatlijn", "Gratis praatlijn voor kinderen en jongeren.",
         "kinderpraatlijn", None),
    solo("jongeren-en-geld", "Stichting Jongeren en Geld", "Financiële lessen voor jongeren.", "geldcursus-jongeren",
         "jc-noord"),
    # --- Money, work and housing ----------------------------------------------------------------
    solo("taal-voor-allemaal", "Stichting Taal voor Allemaal", "Taalles voor volwassenen in de wijk.", "nt2-les",
         "wc-noord"),
    Org(
        key="energiebank",
        name="Energiebank Voorbeeld",
        text="Helpt huishoudens met een hoge energierekening en weinig geld.",
        offers=(O("energiebox", "wc-zw"), O("energiecafe", "bieb-oost")),
    ),
    solo("digitaal-vaardig", "Stichting Digitaal Vaardig", "Vrijwilligers die ouderen helpen met computers.",
         "computerhulp-aan-huis", None),
    solo("werkplaats", "Stichting Werkplaats Voorbeeld", "Sociale onderneming met een houtwerkplaats.",
         "werkplaats-dagbesteding", V("werkplaats", "De Werkplaats", "BU09990303", "kantoor")),
    solo("werk-en-recht", "Stichting Werk en Recht", "Vrijwillige arbeidsjuristen.", "arbeidsrecht-spreekuur",
         "huis-van-het-recht"),
    solo("huurdersvereniging", "Huurdersvereniging Voorbeeld", "Komt op voor de huurders van Thuis in Voorbeeld.",
         "huurdersvereniging", "wc-oost"),
    solo("begeleid-wonen", "Stichting Wonen met Begeleiding", "Begeleid wonen voor jongeren en volwassenen.",
         "begeleid-wonen-info", V("wmb", "Stichting Wonen met Begeleiding, kantoor", "BU09990301", "kantoor")),
    solo("jong-en-recht", "Stichting Jong en Recht Voorbeeld", "Leertrajecten voor jongeren na een overtreding.",
         "jongeren-overtreding", "politiebureau"),
    solo("tweede-kans", "Stichting Tweede Kans Voorbeeld", "Steun voor families van gedetineerden.",
         "detentie-familie", "wc-zw"),
    solo("dierenvoedselbank", "Dierenvoedselbank Voorbeeld", "Voer voor huisdieren van mensen met weinig geld.",
         "dierenvoedselbank", "vb-depot"),
    solo("weggeefwinkel", "Stichting Weggeefwinkel De Overvloed", "Gratis spullen geven en nemen.", "weggeefwinkel",
         V("overvloed", "Weggeefwinkel De Overvloed", "BU09990102", "clubhuis")),
    solo("vrouwenopvang", "Stichting Vrouwenopvang Voorbeeld", "Opvang en hulp bij huiselijk geweld.",
         "vrouwenopvang", None),
    Org(
        key="clientondersteuning",
        name="Cliëntondersteuning Voorbeeld",
        text="Onafhankelijke cliëntondersteuners: gratis en aan uw kant.",
        offers=(O("clientondersteuning", "wc-centrum"), O("wmo-spreekuur", "weidehof")),
    ),
    solo("samen-verder", "Stichting Samen Verder met een Beperking", "Ondersteuning voor mensen met een beperking.",
         "beperking-ondersteuning", "werkplein"),
    solo("zorg-voor-elkaar", "Stichting Zorg voor Elkaar Voorbeeld", "Online platform voor burenhulp.",
         "zorg-voor-elkaar-online", None),
    solo("kookcafe", "Stichting Kookcafé Voorbeeld", "Samen koken en eten in de buurt.", "kookcafe", "wc-noord"),
    solo("mannen", "Stichting Mannen in Beweging", "Activiteiten voor mannen die iets samen willen doen.",
         "mannenochtend", "wc-centrum"),
)

# --- Families ------------------------------------------------------------------------------------

BUURTHUIS_NAMES = (
    "De Schakel", "Het Anker", "De Brink", "De Boog", "Het Trefpunt", "De Kajuit", "De Pompstee", "'t Hofje",
    "De Wissel", "De Driehoek", "Het Klokhuis", "De Vonk", "De Horizon", "De Poort", "De Linde", "Het Baken",
)
BEWONERS_FORMS = ("Bewonersvereniging {buurt}", "Buurtvereniging {buurt}", "Bewonerscommissie {buurt}")
SPEELTUIN_NAMES = ("De Bolderik", "Het Speelhol", "De Klimboom", "Kindervreugd", "De Zandbak", "Jeugdland", "De Wip")
SPEELTUIN_BUURTEN = ("BU09990101", "BU09990102", "BU09990200", "BU09990300", "BU09990303")
MOESTUIN_NAMES = ("De Groene Vinger", "Het Pluktuintje", "De Wortel", "Tuin van Allemaal", "De Zaailing", "Het Erf")
MOESTUIN_BUURTEN = ("BU09990003", "BU09990103", "BU09990202", "BU09990303")
SENIOREN_FORMS = ("Seniorenvereniging {wijk}", "Vereniging Vitaal 55+ {wijk}", "Ouderenvereniging {wijk}")
ZORGCOOP_FORMS = ("Zorgcoöperatie {wijk}", "Buurtcoöperatie Samen {wijk}")


def buurthuizen(rng: random.Random) -> list[Org]:
    """One stichting per buurt without a wijkcentrum, running two or three activities."""
    codes = [(code, naam) for code, naam, _w in buurt_codes() if code not in WIJKCENTRUM_BUURTEN]
    names = rng.sample(BUURTHUIS_NAMES, len(codes))
    orgs = []
    for index, ((code, buurt), name) in enumerate(zip(codes, names, strict=True)):
        venue = V(f"buurthuis-{code}", f"Buurthuis {name}", code, "buurthuis", short=name)
        count = 3 if index % 2 == 0 else 2
        activities = rng.sample(BUURTHUIS_ACTIVITIES, count)
        orgs.append(Org(
            key=f"buurthuis-{code}",
            name=f"Stichting Buurthuis {name}",
            text=f"Vrijwilligers houden buurthuis {name} in {buurt} open voor ontmoeting en activiteiten.",
            venues=(venue,),
            # Slot numbers, not activity names, key the offers: the seed may pick other activities.
            offers=tuple(O(tpl, venue.key, key=f"activiteit-{n}") for n, tpl in enumerate(activities)),
            area="wijk",
        ))
    return orgs


def bewonersverenigingen(rng: random.Random) -> list[Org]:
    orgs = []
    for code, buurt, _wijk in buurt_codes():
        extra = rng.choice(("buurtschoonmaak", "buurtpreventie"))
        venue = community_venue(code)
        orgs.append(Org(
            key=f"bewoners-{code}",
            name=rng.choice(BEWONERS_FORMS).format(buurt=buurt),
            text=f"Bewoners die zich samen inzetten voor een schone, veilige en gezellige {buurt}.",
            offers=(O("bewonersoverleg", venue), O(extra, venue, key="actie")),
            area="wijk",
        ))
    return orgs


def speeltuinen(rng: random.Random) -> list[Org]:
    names = rng.sample(SPEELTUIN_NAMES, len(SPEELTUIN_BUURTEN))
    return [
        solo(f"speeltuin-{code}", f"Speeltuinvereniging {name}", "Speeltuin voor kinderen tot 12 jaar, "
             "beheerd door ouders uit de buurt.", "speeltuin",
             V(f"speeltuin-{code}", f"Speeltuin {name}", code, "buiten", short=name), area="wijk")
        for code, name in zip(SPEELTUIN_BUURTEN, names, strict=True)
    ]


def moestuinen(rng: random.Random) -> list[Org]:
    names = rng.sample(MOESTUIN_NAMES, len(MOESTUIN_BUURTEN))
    return [
        solo(f"moestuin-{code}", f"Stichting Buurtmoestuin {name}", "Een moestuin van en voor de buurt.",
             "buurtmoestuin", V(f"moestuin-{code}", f"Buurtmoestuin {name}", code, "buiten", short=name),
             area="wijk")
        for code, name in zip(MOESTUIN_BUURTEN, names, strict=True)
    ]


def per_wijk(rng: random.Random) -> list[Org]:
    """A seniorenvereniging and a zorgcoöperatie in every wijk, both at its wijkcentrum."""
    wijkcentra = {v: k for k, v in WIJKCENTRUM_BUURTEN.items()}
    by_wijk = {code[:8].replace("BU", "WK"): venue for venue, code in wijkcentra.items()}
    orgs = []
    for wijk_code, wijk, _cells in WIJKEN:
        venue = by_wijk[wijk_code]
        orgs.append(Org(
            key=f"senioren-{wijk_code}",
            name=rng.choice(SENIOREN_FORMS).format(wijk=wijk),
            text=f"Vereniging voor 55-plussers in {wijk}, met activiteiten, uitstapjes en belangenbehartiging.",
            offers=(O("soos-55", venue), O("uitstapjes-senioren", venue)),
            area="wijk",
        ))
        orgs.append(Org(
            key=f"zorgcoop-{wijk_code}",
            name=rng.choice(ZORGCOOP_FORMS).format(wijk=wijk),
            text=f"Bewoners van {wijk} die elkaar helpen, zodat iedereen prettig thuis kan blijven wonen.",
            offers=(O("burenhulp", venue), O("ouderenadviseur", venue)),
            area="wijk",
        ))
    return orgs


def families(rng: random.Random) -> list[Org]:
    return [*buurthuizen(rng), *bewonersverenigingen(rng), *speeltuinen(rng), *moestuinen(rng), *per_wijk(rng)]
