# SPDX-License-Identifier: EUPL-1.2
"""Service templates about welzijn, volunteers, daily chores and taking part (LD10-LD12)."""

from __future__ import annotations

from .spec import Template as T

TEMPLATES: tuple[T, ...] = (
    T(
        key="maatjesproject",
        names=("Maatjesproject", "Een maatje voor samen"),
        texts=(
            "Wilt u graag meer contact met anderen? Een maatje is een vrijwilliger die regelmatig met u afspreekt. "
            "U gaat samen wandelen, koffie drinken of naar de markt. We zoeken een maatje dat bij u past.",
        ),
        codes=("LD11", "SA04", "DG04", "DG05"),
        when=("W MO-FR 09:00-17:00 afspraak",),
        how="intake",
    ),
    T(
        key="mantelzorgsteunpunt",
        names=("Mantelzorgsteunpunt", "Steunpunt mantelzorg"),
        texts=(
            "Zorgt u voor iemand die ziek is of een beperking heeft? Bij het mantelzorgsteunpunt krijgt u advies "
            "en steun. Bijvoorbeeld over vervangende zorg of over geld. We luisteren ook gewoon naar uw verhaal.",
        ),
        codes=("LD11", "LD06", "SA06", "DG06"),
        when=("W MO-FR 09:00-17:00 afspraak; W TU 13:30-15:30 inloop",),
        how="afspraak",
    ),
    T(
        key="mantelzorgcafe",
        names=("Mantelzorgcafé {wijk}",),
        texts=(
            "Eén keer per maand ontmoeten mantelzorgers elkaar. Er is een thema, bijvoorbeeld grenzen stellen. "
            "U praat met anderen die hetzelfde meemaken.",
        ),
        codes=("LD11", "LD06", "SA03", "DG06"),
        when=("M 2TU 19:30-21:30", "M 1TH 14:00-16:00"),
    ),
    T(
        key="respijt",
        names=("Even vrij: vervanging voor mantelzorgers",),
        texts=(
            "Een getrainde vrijwilliger neemt de zorg een paar uur van u over. Zo heeft u tijd voor uzelf. "
            "De vrijwilliger komt bij u thuis, bijvoorbeeld één keer per week.",
        ),
        codes=("LD11", "LD05", "SA04", "DG06"),
        when=("W MO-FR 09:00-17:00 afspraak",),
        how="intake",
    ),
    T(
        key="jonge-mantelzorgers",
        names=("Jonge mantelzorgers: Mantelzorg & Jij",),
        texts=(
            "Zorg jij thuis voor je moeder, vader, broer of zus? Dan ben je een jonge mantelzorger. "
            "Eén keer per maand doen we iets leuks samen. Je kunt ook praten met iemand die het snapt.",
        ),
        codes=("LD11", "LD06", "SA03", "DG02", "DG06"),
        when=("M 3WE 15:30-17:30",),
        how="aanmelden",
        je=True,
        ages=(10, 23),
    ),
    T(
        key="welzijn-op-recept",
        names=("Welzijn op recept",),
        texts=(
            "Voelt u zich vaak moe, somber of eenzaam? Via de huisarts komt u bij een welzijnscoach. "
            "Samen zoekt u een activiteit die u energie geeft, zoals wandelen, tuinieren of vrijwilligerswerk.",
        ),
        codes=("LD06", "LD11", "LD03", "SA07", "DG04"),
        when=("W MO-TH 09:00-16:00 afspraak",),
        how="verwijzing",
    ),
    T(
        key="boodschappenhulp",
        names=("Boodschappenhulp",),
        texts=(
            "Kunt u zelf geen boodschappen meer doen? Een vrijwilliger doet ze voor u, of gaat met u mee naar "
            "de winkel. "
            "U betaalt alleen de boodschappen.",
        ),
        codes=("LD10", "LD11", "SA04", "DG05"),
        when=("W MO-FR 09:00-12:00 afspraak",),
        how="aanmelden",
    ),
    T(
        key="klussendienst",
        names=("Klussendienst", "Vrijwillige klussendienst"),
        texts=(
            "Een lamp ophangen, een kraan die lekt of een kastje dat los zit? Vrijwilligers van de klussendienst "
            "doen kleine klussen in en om uw huis. U betaalt alleen het materiaal en een kleine bijdrage.",
        ),
        codes=("LD04", "LD10", "SA04", "DG05"),
        when=("W MO-FR 09:00-12:00 afspraak",),
        cost="5|per klus, plus materiaal",
        how="aanmelden",
        voor="Voor inwoners van 65 jaar en ouder en mensen met een beperking.",
    ),
    T(
        key="burenbemiddeling",
        names=("Buurtbemiddeling", "Burenbemiddeling"),
        texts=(
            "Heeft u last van uw buren, bijvoorbeeld door geluid of ruzie? Twee getrainde bemiddelaars praten eerst "
            "met u en daarna met uw buren. Daarna zoekt u samen een oplossing.",
        ),
        codes=("LD04", "LD11", "SA07", "DG04"),
        when=("W MO-FR 09:00-17:00 afspraak",),
        how="aanmelden",
    ),
    T(
        key="belcirkel",
        names=("Belcirkel voor ouderen",),
        texts=(
            "Elke ochtend belt u met iemand uit de belcirkel. Zo weet u dat iemand aan u denkt. "
            "Neemt u niet op? Dan gaat er iemand bij u kijken.",
        ),
        codes=("LD11", "LD09", "SA04", "DG05"),
        when=("W MO-SA 09:00-10:00",),
        how="aanmelden",
    ),
    T(
        key="jongerenwerk-inloop",
        names=("Jongerenwerk {wijk}: inloop", "Jongereninloop {wijk}"),
        texts=(
            "Chillen, poolen, muziek maken of gewoon praten. In {plek} ben je welkom. "
            "De jongerenwerkers helpen je ook met school, werk of andere vragen.",
            "Een plek voor jongeren uit {wijk}. Je kunt hier activiteiten bedenken en organiseren. "
            "Zit je ergens mee? De jongerenwerker denkt met je mee.",
        ),
        codes=("LD11", "LD03", "SA05", "DG02"),
        when=("W TU,TH 15:00-21:00", "W WE,FR 14:00-22:00"),
        je=True,
        ages=(12, 23),
    ),
    T(
        key="jongerenwerker-spreekuur",
        names=("Spreekuur jongerenwerker {wijk}",),
        texts=(
            "Heb je vragen over school, werk, geld of thuis? Loop binnen bij de jongerenwerker. "
            "Alles wat je vertelt blijft tussen jou en de jongerenwerker.",
        ),
        codes=("LD11", "LD02", "SA07", "DG02"),
        when=("W MO 15:00-17:00 inloop", "W WE 13:00-15:00 inloop"),
        je=True,
        ages=(12, 23),
    ),
    T(
        key="meidenclub",
        names=("Meidenclub",),
        texts=(
            "Een avond alleen voor meiden van 12 tot 18 jaar. We koken, sporten of praten over onderwerpen die jij "
            "belangrijk vindt. Je kunt een vriendin meenemen.",
        ),
        codes=("LD11", "LD03", "SA05", "DG02"),
        when=("W MO 18:30-20:30",),
        je=True,
        ages=(12, 18),
    ),
    T(
        key="jongerenraad",
        names=("Jongerenraad Voorbeeld",),
        texts=(
            "Wil je meepraten over je buurt en je stad? In de jongerenraad geef je de gemeente advies. "
            "Je leert vergaderen en je ideeën presenteren.",
        ),
        codes=("LD12", "LD11", "SA05", "DG02"),
        when=("M 1TU 19:00-21:00",),
        how="aanmelden",
        je=True,
        ages=(14, 23),
    ),
    T(
        key="digitaal-cafe",
        names=("Digitaal café {wijk}", "Digicafé {wijk}"),
        texts=(
            "Wilt u beter leren omgaan met de computer, tablet of smartphone? In het digitaal café helpen "
            "vrijwilligers "
            "u met uw vragen. Bijvoorbeeld over DigiD, internetbankieren of videobellen.",
        ),
        codes=("LD10", "LD12", "SA01", "DG05", "DG04"),
        when=("W TU 14:00-16:00 inloop", "W FR 10:00-12:00 inloop", "W2 WE 10:00-12:00 inloop"),
    ),
    T(
        key="digitale-overheid",
        names=("Hulp bij de digitale overheid",),
        texts=(
            "Moet u iets regelen met de gemeente, de Belastingdienst of het UWV via internet? "
            "Een medewerker helpt u met inloggen met DigiD en het invullen van online formulieren.",
        ),
        codes=("LD10", "LD12", "SA01", "DG04", "DG05"),
        when=("W MO-FR 10:00-12:00 inloop",),
    ),
    T(
        key="computerhulp-aan-huis",
        names=("Computerhulp aan huis",),
        texts=(
            "Werkt uw computer of printer niet? Een vrijwilliger komt bij u thuis en lost het samen met u op. "
            "Hij of zij legt ook uit hoe u het zelf kunt doen.",
        ),
        codes=("LD10", "SA04", "DG05"),
        when=("W MO-FR 09:00-17:00 afspraak",),
        cost="7.50|per bezoek",
        how="aanmelden",
    ),
    T(
        key="belbus",
        names=("Belbus Voorbeeld",),
        texts=(
            "Met de belbus gaat u van deur tot deur binnen de gemeente. Bijvoorbeeld naar de huisarts, de markt "
            "of familie. Bel uiterlijk een dag van tevoren. De chauffeurs zijn vrijwilligers.",
        ),
        codes=("LD10", "LD11", "SA08", "DG05"),
        when=("W MO-FR 08:30-17:00", "W MO-SA 09:00-17:00"),
        cost="1.50|per rit",
        how="bellen",
        voor="Voor inwoners van 65 jaar en ouder en mensen die slecht ter been zijn.",
    ),
    T(
        key="vervoer-ziekenhuis",
        names=("Vervoer naar ziekenhuis en zorg",),
        texts=(
            "Moet u naar het ziekenhuis of de fysiotherapeut en kunt u daar niet zelf komen? "
            "Een vrijwilliger rijdt u met de eigen auto en wacht op u. U betaalt een vergoeding per kilometer.",
        ),
        codes=("LD10", "LD07", "SA04", "DG05"),
        when=("W MO-FR 08:00-17:00 afspraak",),
        cost="0.35|per kilometer",
        how="bellen",
    ),
    T(
        key="burenhulp",
        names=("Burenhulp {wijk}",),
        texts=(
            "Buren helpen buren: met een boodschap, de hond uitlaten of een kort bezoekje. "
            "Vraag hulp of bied hulp aan. De coördinator brengt u met elkaar in contact.",
        ),
        codes=("LD10", "LD11", "SA04", "DG05", "DG04"),
        when=("W MO-FR 09:00-12:00 afspraak",),
        how="bellen",
    ),
    T(
        key="zorg-voor-elkaar-online",
        names=("Zorg voor elkaar: hulp vragen en bieden online",),
        texts=(
            "Op deze website vraagt u hulp aan buren en vrijwilligers in de buurt. Of u biedt zelf hulp aan. "
            "Bijvoorbeeld bij het tuinieren, een klusje of een wandeling.",
        ),
        codes=("LD11", "LD12", "SA04", "DG04", "DG05"),
        when=("W MO-SU 00:00-23:59",),
        how="online",
    ),
    T(
        key="taalcafe",
        names=("Taalcafé {wijk}", "Taalcafé in {plek}"),
        texts=(
            "Oefen Nederlands praten in een ontspannen sfeer. Aan tafel zitten nieuwkomers en vrijwilligers. "
            "We praten over het nieuws, het weer of uw buurt. Alle niveaus zijn welkom.",
            "Wilt u meer Nederlands spreken? Kom naar het taalcafé. Een vrijwilliger helpt het gesprek op gang.",
        ),
        codes=("LD12", "LD11", "SA05", "DG07"),
        when=("W TH 10:00-11:30", "W WE 19:00-20:30", "W SA 10:30-12:00"),
        talen=("en", "ar", "uk", "ti", "fa"),
    ),
    T(
        key="taalmaatje",
        names=("Taalmaatje", "Taalmaatjes Voorbeeld"),
        texts=(
            "Een taalmaatje is een vrijwilliger die een jaar lang één keer per week met u afspreekt. "
            "U oefent Nederlands tijdens gewone dingen, zoals boodschappen doen of een brief lezen.",
        ),
        codes=("LD12", "LD02", "LD11", "SA04", "DG07"),
        when=("W MO-FR 09:00-17:00 afspraak",),
        how="intake",
        talen=("en", "ar", "uk"),
    ),
    T(
        key="steunpunt-nieuwkomers",
        names=("Spreekuur voor nieuwkomers", "Steunpunt nieuwkomers"),
        texts=(
            "Bent u nieuw in Nederland? Op het spreekuur helpen we u met vragen over wonen, geld, school, werk en "
            "gezondheid. We spreken verschillende talen of regelen een tolk.",
        ),
        codes=("LD12", "LD01", "SA07", "DG07"),
        when=("W TU,TH 09:30-12:30 inloop",),
        talen=("ar", "ti", "uk", "fa", "so", "en"),
    ),
    T(
        key="oekraiense-ontmoeting",
        names=("Ontmoetingscentrum voor Oekraïense inwoners",),
        texts=(
            "Een plek om landgenoten te ontmoeten en informatie te krijgen over leven in Nederland. "
            "Er zijn activiteiten voor kinderen en Nederlandse les voor volwassenen.",
        ),
        codes=("LD12", "LD11", "SA05", "DG07"),
        when=("W WE,SA 10:00-15:00",),
        talen=("uk", "ru", "en"),
    ),
    T(
        key="turkse-ouderen",
        names=("Ontmoetingsmiddag voor Turkse ouderen",),
        texts=(
            "Elke week komen Turkse ouderen samen voor thee, gezelschap en informatie. "
            "Soms komt er een gastspreker, bijvoorbeeld over gezondheid of pensioen.",
        ),
        codes=("LD11", "LD12", "SA05", "DG05", "DG07"),
        when=("W TH 13:00-16:00",),
        talen=("tr",),
    ),
    T(
        key="vrouwengroep",
        names=("Vrouwenochtend {naam}", "Vrouwengroep {naam}"),
        texts=(
            "Een ochtend alleen voor vrouwen. We praten over opvoeding, gezondheid en wat u bezighoudt. "
            "Er is kinderopvang tijdens de bijeenkomst.",
        ),
        codes=("LD11", "LD12", "SA05", "DG04", "DG07"),
        when=("W MO 09:30-11:30", "W WE 09:30-11:30"),
        talen=("ar", "tr", "so"),
    ),
    T(
        key="ouderenadviseur",
        names=("Ouderenadviseur {wijk}",),
        texts=(
            "Wilt u zo lang mogelijk thuis blijven wonen? De ouderenadviseur komt bij u langs. "
            "Samen kijkt u naar hulp, aanpassingen in huis en activiteiten in de buurt.",
        ),
        codes=("LD10", "LD04", "SA06", "DG05"),
        when=("W MO-FR 09:00-12:00 afspraak",),
        how="afspraak",
    ),
    T(
        key="samen-op-pad",
        names=("Samen op pad: uitjes tegen eenzaamheid",),
        texts=(
            "Een vrijwilliger haalt u op voor een uitje: naar een concert, de markt of een terras. "
            "Zo komt u weer eens buiten en ontmoet u nieuwe mensen.",
        ),
        codes=("LD11", "LD03", "SA04", "DG05"),
        when=("W MO-FR 09:00-17:00 afspraak",),
        how="aanmelden",
    ),
    T(
        key="gezelschap-aan-huis",
        names=("Gezelschap aan huis",),
        texts=(
            "Een vrijwilliger komt elke week bij u op bezoek voor een kop koffie en een praatje. "
            "Misschien doet u samen een spelletje of maakt u een wandelingetje.",
        ),
        codes=("LD11", "SA04", "DG05"),
        when=("W MO-FR 09:00-17:00 afspraak",),
        how="intake",
    ),
    T(
        key="clientondersteuning",
        names=("Onafhankelijke cliëntondersteuning",),
        texts=(
            "Heeft u hulp of zorg nodig en weet u niet waar u moet beginnen? Een cliëntondersteuner helpt u gratis. "
            "Hij of zij gaat mee naar het gesprek met de gemeente en staat naast u.",
        ),
        codes=("LD10", "LD12", "SA07", "DG04", "DG05", "DG06"),
        when=("W MO-FR 09:00-17:00 afspraak",),
        how="afspraak",
    ),
    T(
        key="wmo-spreekuur",
        names=("Spreekuur: hulp bij uw Wmo-aanvraag",),
        texts=(
            "Wilt u een traplift, huishoudelijke hulp of vervoer aanvragen bij de gemeente? "
            "Op het spreekuur bereiden we samen het gesprek voor.",
        ),
        codes=("LD10", "LD09", "SA01", "DG05", "DG06"),
        when=("W TH 10:00-12:00 inloop",),
    ),
    T(
        key="beperking-ondersteuning",
        names=("Ondersteuning bij leven met een beperking",),
        texts=(
            "Heeft u, uw kind of een naaste een verstandelijke beperking of autisme? Een consulent helpt met "
            "vragen over school, werk, wonen en geld. Voor elke leeftijd.",
        ),
        codes=("LD10", "LD12", "LD05", "SA07", "DG04", "DG03"),
        when=("W MO-FR 08:30-17:00 afspraak",),
        how="afspraak",
    ),
)
