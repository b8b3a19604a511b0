# SPDX-License-Identifier: EUPL-1.2
"""The demo's partner organisations (with logins) and the larger organisations of Gemeente Voorbeeld.

Partner names are exactly those of wijkteam.demo.staff.ORGANISATIES: the generator links each to
its accounts.Organisatie by that name, so the demo partner users can maintain these entries.
"""

from __future__ import annotations

from .spec import Offer as O
from .spec import Org
from .spec import Venue as V

SUBSIDIE = "Subsidie van Gemeente Voorbeeld"

PARTNERS: tuple[Org, ...] = (
    Org(
        key="welzijn",
        name="Stichting Welzijn Voorbeeld",
        text="Welzijnsorganisatie voor alle inwoners van Voorbeeld. Wij helpen mensen om mee te doen, "
        "elkaar te ontmoeten en zelfstandig te blijven, met beroepskrachten en ruim 600 vrijwilligers.",
        partner=True,
        funding=SUBSIDIE,
        venues=(
            V("wc-centrum", "Wijkcentrum De Sluis", "BU09990001", "wijkcentrum", short="De Sluis"),
            V("wc-noord", "Wijkcentrum Het Noorderlicht", "BU09990100", "wijkcentrum", short="Het Noorderlicht"),
            V("wc-oost", "Wijkcentrum De Kruising", "BU09990201", "wijkcentrum", short="De Kruising"),
            V("wc-zw", "Wijkcentrum De Lindeboom", "BU09990301", "wijkcentrum", short="De Lindeboom"),
            V("jc-noord", "Jongerencentrum De Kelder", "BU09990103", "jongeren", short="De Kelder"),
        ),
        offers=(
            O("formulierenbrigade", "wc-centrum", key="formulierenbrigade-centrum"),
            O("formulierenbrigade", "wc-oost", key="formulierenbrigade-oost"),
            O("maatjesproject", "wc-centrum"),
            O("mantelzorgsteunpunt", "wc-centrum"),
            O("mantelzorgcafe", "wc-noord"),
            O("jonge-mantelzorgers", "jc-noord"),
            O("respijt", "wc-noord"),
            O("welzijn-op-recept", "wc-zw"),
            O("boodschappenhulp", "wc-oost"),
            O("klussendienst", "wc-zw"),
            O("burenbemiddeling", "wc-centrum"),
            O("belcirkel", "wc-noord"),
            O("beweegmaatje", "wc-oost"),
            O("vrijwilligerswerk-vinden", "wc-centrum"),
            O("jongerenwerk-inloop", "jc-noord", key="jongerenwerk-noord"),
            O("jongerenwerk-inloop", "wc-zw", key="jongerenwerk-zuid-west"),
            O("jongerenwerker-spreekuur", "wc-oost"),
            O("koffieochtend", "wc-noord"),
            O("eettafel", "wc-zw"),
            O("huiskamer", "wc-oost"),
            O("creatief", "wc-centrum"),
            O("buurtbudget", "wc-centrum"),
        ),
    ),
    Org(
        key="woonstichting",
        name="Woonstichting Thuis in Voorbeeld",
        text="Woningcorporatie met ruim 9.000 huurwoningen in Voorbeeld. Wij zorgen voor betaalbare woningen "
        "en prettige buurten.",
        partner=True,
        venues=(
            V("woon-klantcentrum", "Klantcentrum Thuis in Voorbeeld", "BU09990000", "kantoor"),
            V("woon-oost", "Wijkkantoor Thuis in Voorbeeld Oost", "BU09990203", "kantoor"),
        ),
        offers=(
            O("woonconsulent", "woon-klantcentrum", key="woonconsulent-centrum"),
            O("woonconsulent", "woon-oost", key="woonconsulent-oost"),
            O("huurachterstand", "woon-klantcentrum"),
            O("energiecoach", "woon-oost"),
            O("woningzoeken-jongeren", "woon-klantcentrum"),
        ),
    ),
    Org(
        key="ggz",
        name="GGZ Voorbeeld-Midden",
        text="Geestelijke gezondheidszorg in de regio. Naast behandeling bieden wij vrij toegankelijke "
        "inloop, cursussen en lotgenotengroepen, vaak samen met ervaringsdeskundigen.",
        partner=True,
        venues=(
            V("ggz-luifel", "Inloophuis De Luifel", "BU09990003", "buurthuis", short="De Luifel"),
            V("ggz-hoogland", "GGZ Voorbeeld-Midden, locatie Het Hoogland", "BU09990302", "kantoor"),
        ),
        offers=(
            O("inloophuis-ggz", "ggz-luifel"),
            O("herstelacademie", "ggz-luifel"),
            O("ggz-familie", "ggz-luifel"),
            O("depressie-lotgenoten", "ggz-hoogland"),
            O("omgaan-met-stress", "ggz-hoogland"),
            O("somberheid-jongeren", "ggz-hoogland"),
            O("ervaringsdeskundige-spreekuur", "wc-noord"),
        ),
    ),
    Org(
        key="schuldhulp",
        name="Schuldhulp Voorbeeld",
        text="Gemeentelijke schuldhulpverlening. Wij helpen inwoners met geldzorgen en schulden, van een "
        "eerste gesprek tot een schuldregeling.",
        partner=True,
        venues=(V("schuldhulp-kantoor", "Schuldhulp Voorbeeld, kantoor Stationsplein", "BU09990002", "kantoor"),),
        offers=(
            O("geldspreekuur", "wc-centrum", key="geldspreekuur-centrum"),
            O("geldspreekuur", "wc-noord", key="geldspreekuur-noord"),
            O("geldspreekuur", "wc-oost", key="geldspreekuur-oost"),
            O("geldspreekuur", "wc-zw", key="geldspreekuur-zuid-west"),
            O("schuldhulpverlening", "schuldhulp-kantoor"),
            O("grip-op-je-geld", "bieb-oost"),
            O("betalingsachterstand", "schuldhulp-kantoor"),
            O("ondernemers-spreekuur", "schuldhulp-kantoor"),
        ),
    ),
    Org(
        key="regenboog",
        name="Basisschool De Regenboog",
        text="Openbare basisschool in de Vogelbuurt, met een ouderkamer en naschoolse activiteiten.",
        partner=True,
        venues=(V("school-regenboog", "Basisschool De Regenboog", "BU09990101", "school", short="De Regenboog"),),
        offers=(
            O("ouderkamer", "school-regenboog"),
            O("huiswerkbegeleiding", "school-regenboog"),
            O("schoolmaatschappelijk-werk", "school-regenboog"),
        ),
    ),
    Org(
        key="jeugdhulp",
        name="Jeugdhulp Voorbeeld",
        text="Hulp bij opvoeden en opgroeien, voor kinderen, jongeren en hun ouders. Laagdrempelig en dichtbij.",
        partner=True,
        venues=(V("okc-molen", "Ouder- en kindcentrum De Molen", "BU09990100", "kantoor", short="De Molen"),),
        offers=(
            O("opvoedspreekuur", "okc-molen", key="opvoedspreekuur-noord"),
            O("opvoedspreekuur", "kc-ster", key="opvoedspreekuur-zuid-west"),
            O("positief-opvoeden", "okc-molen"),
            O("scheiding-kinderen", "okc-molen"),
            O("brusjesgroep", "okc-molen"),
        ),
    ),
)

LARGER: tuple[Org, ...] = (
    Org(
        key="bibliotheek",
        name="Bibliotheek Voorbeeld",
        text="Openbare bibliotheek met twee vestigingen. Naast boeken lenen kunt u bij ons terecht voor "
        "taal, digitale vaardigheden en hulp bij de digitale overheid.",
        funding=SUBSIDIE,
        venues=(
            V("bieb-centrum", "Bibliotheek Voorbeeld Centrum", "BU09990000", "bibliotheek",
              short="Bibliotheek Centrum"),
            V("bieb-oost", "Bibliotheek Voorbeeld Oost", "BU09990200", "bibliotheek", short="Bibliotheek Oost"),
        ),
        offers=(
            O("taalcafe", "bieb-centrum", name="Taalcafé De Brug", key="taalcafe-de-brug"),
            O("taalcafe", "bieb-oost", key="taalcafe-oost"),
            O("taalpunt", "bieb-centrum"),
            O("digitaal-cafe", "bieb-centrum", key="digitaal-cafe-centrum"),
            O("digitaal-cafe", "bieb-oost", key="digitaal-cafe-oost"),
            O("digitale-overheid", "bieb-centrum"),
            O("computercursus", "bieb-oost"),
            O("voorleesochtend", "bieb-oost"),
            O("boek-aan-huis", "bieb-centrum"),
        ),
    ),
    Org(
        key="raadslieden",
        name="Sociaal Raadslieden Voorbeeld",
        text="Gratis advies en hulp over wetten, regels en geld, voor inwoners met een laag inkomen.",
        funding=SUBSIDIE,
        venues=(V("sr-kantoor", "Kantoor Sociaal Raadslieden", "BU09990003", "kantoor"),),
        offers=(
            O("sociaal-raadslieden", "sr-kantoor", key="sociaal-raadslieden-centrum"),
            O("sociaal-raadslieden", "wc-oost", key="sociaal-raadslieden-oost"),
            O("belastinghulp", "bieb-centrum"),
            O("toeslagen-check", "sr-kantoor"),
        ),
    ),
    Org(
        key="juridisch",
        name="Juridisch Steunpunt Voorbeeld",
        text="Eerste hulp bij juridische vragen. Juristen en rechtenstudenten geven gratis advies.",
        venues=(V("huis-van-het-recht", "Huis van het Recht", "BU09990000", "kantoor"),),
        offers=(
            O("juridisch-spreekuur", "huis-van-het-recht"),
            O("huurrecht-spreekuur", "huis-van-het-recht"),
            O("scheiding-juridisch", "huis-van-het-recht"),
        ),
    ),
    Org(
        key="voedselbank",
        name="Voedselbank Voorbeeld",
        text="Vrijwilligersorganisatie die wekelijks voedselpakketten uitdeelt aan huishoudens die dat tijdelijk "
        "nodig hebben. Al het voedsel is gedoneerd.",
        venues=(V("vb-depot", "Voedselbank Voorbeeld, depot De Weide", "BU09990202", "kantoor"),),
        offers=(
            O("voedselbank", "stadskerk", key="voedselbank-centrum"),
            O("voedselbank", "vb-depot", key="voedselbank-oost"),
            O("voedselbank", "parochie", key="voedselbank-zuid-west"),
        ),
    ),
    Org(
        key="kledingbank",
        name="Stichting Kledingbank Voorbeeld",
        text="Gratis kleding en speelgoed voor gezinnen met weinig geld, uitgedeeld door vrijwilligers.",
        venues=(V("kb-winkel", "Kledingbank Voorbeeld", "BU09990302", "kantoor"),),
        offers=(O("kledingbank", "kb-winkel"), O("speelgoedbank", "kb-winkel")),
    ),
    Org(
        key="naast-elkaar",
        name="Vereniging Naast Elkaar",
        text="Landelijke vereniging met een afdeling in Voorbeeld. Onze vrijwilligers steunen mensen in een "
        "moeilijke periode: bij geldzaken, verlies of een nieuwe start.",
        offers=(
            O("thuisadministratie", "wc-noord"),
            O("rouwgroep", "wc-centrum"),
            O("gezinsmaatje", "wc-zw"),
            O("maatje-na-detentie", "wc-centrum"),
            O("geldmaatje", "wc-oost"),
        ),
    ),
    Org(
        key="nieuwkomers",
        name="Stichting Nieuwkomers Voorbeeld",
        text="Wij begeleiden statushouders en andere nieuwkomers bij hun eerste jaren in Voorbeeld, met "
        "beroepskrachten, tolken en vrijwilligers.",
        funding=SUBSIDIE,
        venues=(V("nk-huis", "Huis van Welkom", "BU09990300", "kantoor"),),
        offers=(
            O("steunpunt-nieuwkomers", "nk-huis"),
            O("taalmaatje", "nk-huis"),
            O("nt2-les", "nk-huis"),
            O("vrouwengroep", "nk-huis"),
        ),
    ),
    Org(
        key="sportbedrijf",
        name="Sportbedrijf Voorbeeld",
        text="Beheert de sportaccommodaties van de gemeente en zet buurtsportcoaches in, zodat iedereen kan sporten.",
        venues=(
            V("sporthal-noord", "Sporthal Noorderpark", "BU09990103", "sport"),
            V("sportpark", "Sportpark Het Hoogland", "BU09990302", "sport"),
            V("zwembad", "Zwembad De Plons", "BU09990202", "sport", short="De Plons"),
        ),
        offers=(
            O("sporten-in-de-buurt", "sporthal-noord", key="sporten-noord"),
            O("sporten-in-de-buurt", "sportpark", key="sporten-zuid-west"),
            O("valpreventie", "weidehof"),
            O("wandelvoetbal", "sportpark"),
            O("zwemles-volwassenen", "zwembad"),
            O("aquarobics", "zwembad"),
        ),
    ),
    Org(
        key="vervoer",
        name="Stichting Vervoer Voorbeeld",
        text="Vrijwillige chauffeurs brengen ouderen en mensen met een beperking waar ze heen willen.",
        venues=(V("vervoer-kantoor", "Stichting Vervoer Voorbeeld, kantoor", "BU09990203", "kantoor"),),
        offers=(O("belbus", "vervoer-kantoor"), O("vervoer-ziekenhuis", "vervoer-kantoor")),
    ),
    Org(
        key="werkplein",
        name="Werkplein Voorbeeld",
        text="Gemeente en UWV samen: hulp bij werk zoeken, een opleiding of een uitkering.",
        venues=(V("werkplein", "Werkplein Voorbeeld", "BU09990002", "kantoor"),),
        offers=(
            O("werkcafe", "werkplein", key="werkcafe-centrum"),
            O("werkcafe", "wc-noord", key="werkcafe-noord"),
            O("jongerenloket", "werkplein"),
            O("sollicitatietraining", "werkplein"),
        ),
    ),
    Org(
        key="kringloop",
        name="Kringloopwinkel De Tweede Ronde",
        text="Kringloopwinkel en leerwerkbedrijf. Wij geven spullen een tweede leven en mensen een nieuwe kans.",
        venues=(V("kringloop", "Kringloopwinkel De Tweede Ronde", "BU09990103", "kantoor", short="De Tweede Ronde"),),
        offers=(O("leerwerkplek", "kringloop"), O("repaircafe", "kringloop")),
    ),
    Org(
        key="kompas",
        name="Kompas Verslavingszorg",
        text="Preventie, advies en behandeling bij verslaving aan alcohol, drugs, gokken en gamen.",
        venues=(V("kompas", "Kompas Verslavingszorg, locatie Stationskwartier", "BU09990002", "kantoor"),),
        offers=(
            O("verslaving-inloop", "kompas"),
            O("online-zelfhulp", None),
            O("familie-verslaving", "kompas"),
            O("preventie-jongeren", "jc-oost"),
            O("gokspreekuur", "kompas"),
            O("stoppen-met-roken", "kompas"),
        ),
    ),
    Org(
        key="thuis-veilig",
        name="Steunpunt Thuis Veilig",
        text="Advies- en meldpunt voor huiselijk geweld en kindermishandeling in de regio.",
        offers=(O("thuis-veilig-lijn", None), O("huiselijk-geweld-spreekuur", "wc-zw")),
    ),
    Org(
        key="ggd",
        name="GGD Voorbeeld",
        text="De GGD beschermt en bevordert de gezondheid van alle inwoners, van baby tot oudere.",
        venues=(
            V("cb-centrum", "GGD Voorbeeld, consultatiebureau Centrum", "BU09990001", "kantoor"),
            V("cb-oost", "GGD Voorbeeld, consultatiebureau Oost", "BU09990200", "kantoor"),
        ),
        offers=(
            O("jgz-inloop", "cb-centrum", key="jgz-centrum"),
            O("jgz-inloop", "cb-oost", key="jgz-oost"),
            O("leefstijlcoach", "cb-centrum"),
            O("seksualiteit-jongeren", "cb-centrum"),
        ),
    ),
    Org(
        key="politie",
        name="Politie Basisteam Voorbeeld",
        text="De wijkagenten van Voorbeeld: aanspreekpunt voor veiligheid in uw buurt. Bij spoed belt u altijd 112.",
        venues=(V("politiebureau", "Politiebureau Voorbeeld-Centrum", "BU09990000", "kantoor"),),
        offers=(
            O("wijkagent", "politiebureau", key="wijkagent-centrum"),
            O("wijkagent", "wc-noord", key="wijkagent-noord"),
            O("wijkagent", "wc-oost", key="wijkagent-oost"),
            O("wijkagent", "wc-zw", key="wijkagent-zuid-west"),
        ),
    ),
    Org(
        key="nieuwe-start",
        name="Stichting Nieuwe Start",
        text="Begeleiding van (ex-)gedetineerden bij hun terugkeer in de samenleving, samen met de gemeente.",
        venues=(V("ns-kantoor", "Stichting Nieuwe Start, kantoor", "BU09990003", "kantoor"),),
        offers=(O("nazorg-detentie", "ns-kantoor"),),
    ),
    Org(
        key="slachtofferloket",
        name="Slachtofferloket Voorbeeld",
        text="Gratis praktische, juridische en emotionele steun voor slachtoffers van misdrijven en ongevallen.",
        venues=(V("sl-kantoor", "Slachtofferloket Voorbeeld", "BU09990001", "kantoor"),),
        offers=(O("slachtofferloket", "sl-kantoor"),),
    ),
    Org(
        key="de-haven",
        name="Stichting De Haven",
        text="Opvang en begeleiding voor dak- en thuisloze mensen.",
        venues=(V("haven", "De Haven, opvang Havenkade", "BU09990001", "kantoor"),),
        offers=(O("dagopvang", "haven"), O("nachtopvang", "haven")),
    ),
    Org(
        key="huurteam",
        name="Huurteam Voorbeeld",
        text="Onafhankelijk huuradvies voor huurders van sociale en particuliere woningen.",
        offers=(O("huurteam", "wc-oost"),),
    ),
    Org(
        key="weidehof",
        name="Zorggroep De Weidehof",
        text="Zorg en diensten voor ouderen, in het zorgcentrum en bij mensen thuis.",
        venues=(V("weidehof", "Zorgcentrum De Weidehof", "BU09990202", "zorg", short="De Weidehof"),),
        offers=(
            O("maaltijd-aan-huis", "weidehof"),
            O("personenalarmering", "weidehof"),
            O("wasservice", "weidehof"),
            O("hulpmiddelen-uitleen", "weidehof"),
            O("geheugencafe", "weidehof"),
            O("koken-voor-een", "weidehof"),
            O("stoelyoga", "weidehof"),
        ),
    ),
    Org(
        key="praatlijn",
        name="Stichting Praatlijn Voorbeeld",
        text="Vrijwilligers die dag en nacht luisteren naar iedereen die behoefte heeft aan een gesprek.",
        offers=(O("praatlijn", None),),
    ),
    Org(
        key="lichtpunt",
        name="Stichting Inloophuis Het Lichtpunt",
        text="Inloophuis voor mensen met kanker en hun naasten, gerund door vrijwilligers.",
        venues=(V("lichtpunt", "Inloophuis Het Lichtpunt", "BU09990203", "buurthuis", short="Het Lichtpunt"),),
        offers=(O("inloophuis-kanker", "lichtpunt"),),
    ),
    Org(
        key="jongerencentrum-oost",
        name="Stichting Jongerencentrum The Spot",
        text="Jongerencentrum in Oost, door en voor jongeren.",
        area="wijk",
        venues=(V("jc-oost", "Jongerencentrum The Spot", "BU09990203", "jongeren", short="The Spot"),),
        offers=(O("meidenclub", "jc-oost"), O("jongerenraad", "jc-oost"), O("tienerinloop", "jc-oost")),
    ),
    Org(
        key="vlinder",
        name="Kinderopvang De Vlinder",
        text="Kinderopvang, peuterspeelgroepen en buitenschoolse opvang in Zuid-West en Noord.",
        venues=(
            V("kc-ster", "Kindcentrum De Ster", "BU09990303", "school", short="De Ster"),
            V("vlinder-noord", "Kinderopvang De Vlinder", "BU09990102", "school", short="De Vlinder"),
        ),
        offers=(
            O("peuterspeelgroep", "kc-ster", key="peuterspeelgroep-ster"),
            O("peuterspeelgroep", "vlinder-noord", key="peuterspeelgroep-vlinder"),
        ),
    ),
)
