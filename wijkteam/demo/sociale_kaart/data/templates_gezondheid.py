# SPDX-License-Identifier: EUPL-1.2
"""Service templates about mental and physical health (LD06, LD07)."""

from __future__ import annotations

from .spec import Template as T

TEMPLATES: tuple[T, ...] = (
    T(
        key="inloophuis-ggz",
        names=("Inloophuis De Luifel",),
        texts=(
            "Een huiskamer voor mensen met psychische kwetsbaarheid. Drink koffie, doe mee met een activiteit of "
            "praat met een ervaringsdeskundige. U hoeft niets, alles mag.",
        ),
        codes=("LD06", "LD11", "SA01", "DG04"),
        when=("W MO-FR 10:00-16:00",),
    ),
    T(
        key="herstelacademie",
        names=("Herstelacademie",),
        texts=(
            "Cursussen over herstel, gegeven door ervaringsdeskundigen. Bijvoorbeeld over omgaan met stemmingen, "
            "uw eigen kracht of een nieuw dagritme. U leert van elkaar.",
        ),
        codes=("LD06", "SA02", "DG04"),
        when=("W TU 13:30-15:30; W TH 10:00-12:00",),
        how="aanmelden",
    ),
    T(
        key="rouwgroep",
        names=("Rouwgroep {wijk}", "Rouwcafé {wijk}"),
        texts=(
            "Is iemand van wie u houdt overleden? In de rouwgroep deelt u uw verdriet met mensen die hetzelfde "
            "meemaken. Er is ruimte voor herinneringen en stilte.",
            "Eén keer per maand praten mensen over verlies en rouw. Een getrainde begeleider leidt het gesprek.",
        ),
        codes=("LD06", "LD11", "SA03", "DG04", "DG05"),
        when=("M 1WE 19:30-21:30", "M -1TU 14:00-16:00"),
    ),
    T(
        key="rouwgroep-kinderen",
        names=("Rouwgroep voor kinderen",),
        texts=(
            "Is er iemand in je familie overleden? In deze groep praat, teken en speel je met andere kinderen die "
            "ook iemand missen. Je ouders mogen de eerste keer mee.",
        ),
        codes=("LD06", "LD05", "SA03", "DG01"),
        when=("C6 WE 14:00-15:30",),
        how="aanmelden",
        je=True,
        ages=(6, 12),
    ),
    T(
        key="partner-verlies",
        names=("Contactgroep na het verlies van een partner",),
        texts=(
            "Alleen verder na de dood van uw partner is zwaar. In deze groep ontmoet u weduwen en weduwnaars. "
            "U doet samen ook leuke dingen, zoals wandelen of uit eten gaan.",
        ),
        codes=("LD06", "LD11", "SA03", "DG05"),
        when=("M 2TH 14:00-16:00",),
    ),
    T(
        key="depressie-lotgenoten",
        names=("Lotgenotengroep somberheid en depressie",),
        texts=(
            "Heeft u last van somberheid of een depressie? In deze groep deelt u ervaringen en tips. "
            "Een ervaringsdeskundige begeleidt de groep.",
        ),
        codes=("LD06", "SA03", "DG04"),
        when=("W2 TU 19:30-21:00",),
        how="aanmelden",
    ),
    T(
        key="omgaan-met-stress",
        names=("Cursus omgaan met stress",),
        texts=(
            "Voelt u zich vaak gejaagd of gespannen? In zes lessen leert u hoe stress werkt en wat u eraan doet. "
            "U oefent met ontspanning en ademhaling.",
        ),
        codes=("LD06", "SA02", "DG04"),
        when=("C6 MO 19:00-21:00", "C6 WE 10:00-12:00"),
        cost="25|per cursus|pas",
        how="aanmelden",
    ),
    T(
        key="somberheid-jongeren",
        names=("Praatgroep voor jongeren: niet lekker in je vel",),
        texts=(
            "Voel je je vaak somber, onzeker of gestrest? In deze groep praat je met leeftijdgenoten. "
            "Je leert wat je zelf kunt doen om je beter te voelen.",
        ),
        codes=("LD06", "SA03", "DG02"),
        when=("C8 TH 16:00-17:30",),
        how="aanmelden",
        je=True,
        ages=(15, 23),
    ),
    T(
        key="ggz-familie",
        names=("Familiegroep psychische problemen",),
        texts=(
            "Heeft uw partner, kind of ouder psychische problemen? Dat vraagt veel van u. "
            "In de familiegroep krijgt u informatie en steun van anderen in dezelfde situatie.",
        ),
        codes=("LD06", "LD05", "SA03", "DG06"),
        when=("M 1TU 19:30-21:30",),
    ),
    T(
        key="ervaringsdeskundige-spreekuur",
        names=("Spreekuur ervaringsdeskundige {wijk}",),
        texts=(
            "Praat met iemand die zelf psychische problemen heeft gehad en weet hoe herstel voelt. "
            "U kunt zonder afspraak en zonder verwijzing langskomen.",
        ),
        codes=("LD06", "SA01", "DG04"),
        when=("W WE 13:30-15:30 inloop",),
    ),
    T(
        key="praatlijn",
        names=("Praatlijn Voorbeeld: dag en nacht een luisterend oor",),
        texts=(
            "Wilt u met iemand praten? Getrainde vrijwilligers luisteren naar uw verhaal, dag en nacht. "
            "Bellen en chatten kan anoniem.",
        ),
        codes=("LD06", "LD11", "SA06", "DG04", "DG05"),
        when=("W MO-SU 00:00-23:59",),
        how="bellen",
    ),
    T(
        key="kinderpraatlijn",
        names=("Kinderpraatlijn: bel of chat over alles",),
        texts=(
            "Zit je ergens mee? Over thuis, school, pesten of verliefd zijn? Bel of chat met iemand die naar "
            "je luistert. "
            "Je hoeft je naam niet te zeggen.",
        ),
        codes=("LD06", "LD05", "SA06", "DG01", "DG02"),
        when=("W MO-SU 14:00-20:00",),
        how="bellen",
        je=True,
        ages=(8, 18),
    ),
    T(
        key="geheugencafe",
        names=("Geheugencafé",),
        texts=(
            "Een maandelijkse avond voor mensen met dementie, hun partners en familie. Een deskundige vertelt over "
            "een thema. Daarna is er tijd voor vragen en een praatje.",
        ),
        codes=("LD06", "LD07", "SA03", "DG05", "DG06"),
        when=("M 3TU 19:30-21:30",),
    ),
    T(
        key="dementie-ontmoeting",
        names=("Ontmoetingscentrum voor mensen met dementie",),
        texts=(
            "Mensen met beginnende dementie komen hier samen voor beweging, muziek en gezelschap. "
            "Hun mantelzorgers krijgen advies en kunnen even op adem komen.",
        ),
        codes=("LD06", "LD11", "SA05", "DG05", "DG06"),
        when=("W MO,WE,FR 10:00-15:30",),
        cost="4|per dag, inclusief lunch",
        how="intake",
    ),
    T(
        key="dagbesteding-tuin",
        names=("Hersteltuin De Kiem",),
        texts=(
            "Werken in de tuin helpt bij herstel van psychische klachten. U zaait, wiedt en oogst in uw eigen tempo. "
            "Een begeleider en vrijwilligers werken met u mee.",
        ),
        codes=("LD06", "LD03", "SA05", "DG04"),
        when=("W TU,TH 09:30-14:30",),
        how="intake",
    ),
    T(
        key="ggz-maatje",
        names=("Maatje bij psychische problemen",),
        texts=(
            "Een vrijwilliger spreekt elke week met u af om samen iets leuks te doen. Bijvoorbeeld wandelen, "
            "naar de film of koffie drinken. Voor mensen die door psychische problemen weinig contacten hebben.",
        ),
        codes=("LD06", "LD11", "SA04", "DG04"),
        when=("W MO-FR 09:00-17:00 afspraak",),
        how="intake",
    ),
    T(
        key="beweegmaatje",
        names=("Beweegmaatje",),
        texts=(
            "Wilt u meer bewegen, maar lukt het niet alleen? Een beweegmaatje gaat met u wandelen, fietsen of "
            "naar de sportschool. Samen is het leuker en makkelijker vol te houden.",
        ),
        codes=("LD07", "LD11", "SA04", "DG05", "DG04"),
        when=("W MO-FR 09:00-17:00 afspraak",),
        how="aanmelden",
    ),
    T(
        key="wandelgroep",
        names=("Wandelgroep De Stappers",),
        texts=(
            "Elke week een wandeling van een uur in de buurt of het park. We lopen in een rustig tempo. "
            "Na afloop drinken we samen koffie.",
        ),
        codes=("LD07", "LD11", "SA05", "DG04", "DG05"),
        when=("W TU 09:30-11:00", "W TH 10:00-11:30"),
    ),
    T(
        key="fietsgroep",
        names=("Fietstochten voor 60-plussers",),
        texts=(
            "Elke week fietsen we een tocht van 30 tot 40 kilometer, met een stop voor koffie. "
            "Met een elektrische fiets kunt u ook meedoen.",
        ),
        codes=("LD07", "LD11", "SA05", "DG05"),
        when=("W WE 10:00-15:00",),
        cost="10|per jaar",
        how="lid",
    ),
    T(
        key="fietsmaatjes",
        names=("Fietsmaatjes: samen op de duofiets",),
        texts=(
            "Kunt u zelf niet meer fietsen? Met een vrijwilliger maakt u een tocht op de duofiets. "
            "U zit naast elkaar en trapt mee als u wilt.",
        ),
        codes=("LD07", "LD11", "SA04", "DG05"),
        when=("W MO-SA 10:00-16:00 afspraak",),
        how="aanmelden",
    ),
    T(
        key="valpreventie",
        names=("Cursus In Balans: minder kans op vallen",),
        texts=(
            "In tien lessen oefent u evenwicht, kracht en veilig opstaan. U leert ook hoe u thuis vallen voorkomt. "
            "Een fysiotherapeut geeft de lessen.",
        ),
        codes=("LD07", "SA02", "DG05"),
        when=("C10 WE 10:00-11:00", "C10 MO 14:00-15:00"),
        cost="15|per cursus|pas",
        how="aanmelden",
    ),
    T(
        key="sporten-in-de-buurt",
        names=("Sporten in de buurt: {plek}",),
        texts=(
            "De buurtsportcoach organiseert gratis sport na schooltijd: voetbal, dans, boksen en meer. "
            "Kom gewoon langs in sportkleding.",
            "Elke week gratis sporten met kinderen uit de buurt. Je leert nieuwe sporten kennen en kunt daarna "
            "bij een club.",
        ),
        codes=("LD07", "LD03", "SA05", "DG01", "DG02"),
        when=("W WE 14:00-16:00", "W MO,TH 15:30-17:00"),
        je=True,
        ages=(6, 16),
    ),
    T(
        key="wandelvoetbal",
        names=("Walking football voor 60-plussers",),
        texts=(
            "Voetballen zonder rennen: bij walking football wandelt iedereen. Zo kunt u ook op latere leeftijd "
            "lekker een balletje trappen. Daarna is er koffie in de kantine.",
        ),
        codes=("LD07", "LD11", "SA05", "DG05"),
        when=("W TU 10:00-11:30",),
        cost="2|per keer",
    ),
    T(
        key="zwemles-volwassenen",
        names=("Zwemles voor volwassenen",),
        texts=(
            "Nooit leren zwemmen? Het is nooit te laat. In een kleine groep, met alleen volwassenen, leert u rustig "
            "zwemmen. Er zijn ook lessen alleen voor vrouwen.",
        ),
        codes=("LD07", "LD12", "SA02", "DG04", "DG07"),
        when=("C10 SU 08:30-09:30", "C10 TU 20:00-21:00"),
        cost="30|per cursus|pas",
        how="aanmelden",
        talen=("ar", "en"),
    ),
    T(
        key="aquarobics",
        names=("Aquarobics voor ouderen",),
        texts=(
            "Bewegen in warm water is goed voor uw spieren en gewrichten. Op muziek doet u oefeningen in het "
            "ondiepe bad. "
            "U hoeft niet te kunnen zwemmen.",
        ),
        codes=("LD07", "SA05", "DG05"),
        when=("W MO,TH 10:00-10:45",),
        cost="4|per keer",
    ),
    T(
        key="seniorendans",
        names=("Dansen voor 55-plussers",),
        texts=(
            "Op bekende muziek leert u eenvoudige dansjes, alleen of met een partner. Goed voor uw conditie en "
            "uw geheugen. U hoeft geen ervaring te hebben.",
        ),
        codes=("LD07", "LD11", "SA05", "DG05"),
        when=("W WE 14:00-15:30",),
        cost="3|per les",
    ),
    T(
        key="g-sport",
        names=("G-voetbal voor spelers met een beperking",),
        texts=(
            "Voetballen in een team met spelers die ook een beperking hebben. Er zijn teams voor kinderen, jongeren "
            "en volwassenen. De trainers hebben ervaring met aangepast sporten.",
        ),
        codes=("LD07", "LD03", "SA05", "DG01", "DG02", "DG04"),
        when=("W SA 10:00-11:30",),
        cost="60|per jaar|pas",
        how="lid",
    ),
    T(
        key="hardlopen-beginners",
        names=("Hardlopen voor beginners",),
        texts=(
            "In tien weken leert u vijf kilometer hardlopen, rustig opgebouwd. Een trainer loopt mee en geeft tips. "
            "Voor wie nog nooit heeft gerend.",
        ),
        codes=("LD07", "SA02", "DG04"),
        when=("C10 TU 19:00-20:00",),
        cost="20|per cursus",
        how="aanmelden",
    ),
    T(
        key="leefstijlcoach",
        names=("Leefstijlcoach: gezonder eten en bewegen",),
        texts=(
            "Wilt u afvallen of gezonder leven? Een leefstijlcoach begeleidt u twee jaar lang, in een groep en alleen. "
            "De huisarts verwijst u door. De zorgverzekering betaalt.",
        ),
        codes=("LD07", "SA07", "DG04"),
        when=("W MO-FR 09:00-17:00 afspraak",),
        how="verwijzing",
    ),
    T(
        key="jgz-inloop",
        names=("Inloopspreekuur jeugdverpleegkundige {wijk}",),
        texts=(
            "Heb je vragen over de groei, voeding of het slapen van je baby of peuter? De jeugdverpleegkundige weegt "
            "en meet je kind en beantwoordt je vragen.",
        ),
        codes=("LD07", "LD05", "SA01", "DG01", "DG03"),
        when=("W FR 09:00-11:00 inloop", "W TU 13:30-15:00 inloop"),
        je=True,
        ages=(0, 4),
    ),
    T(
        key="seksualiteit-jongeren",
        names=("Spreekuur seksualiteit en relaties voor jongeren",),
        texts=(
            "Heb je vragen over seks, anticonceptie, soa's of je relatie? Een verpleegkundige geeft je eerlijk "
            "antwoord. "
            "Gratis en in vertrouwen.",
        ),
        codes=("LD07", "LD05", "SA01", "DG02"),
        when=("W WE 15:00-17:00 inloop",),
        je=True,
        ages=(12, 24),
    ),
    T(
        key="nah-contactgroep",
        names=("Contactgroep niet-aangeboren hersenletsel",),
        texts=(
            "Heeft u hersenletsel door een ongeluk of beroerte? In deze groep ontmoet u anderen en wisselt u tips uit. "
            "Partners zijn ook welkom.",
        ),
        codes=("LD07", "LD06", "SA03", "DG04", "DG06"),
        when=("M 2WE 14:00-16:00",),
    ),
    T(
        key="parkinson-cafe",
        names=("Parkinson Café",),
        texts=(
            "Een gezellige bijeenkomst voor mensen met parkinson en hun naasten. Elke keer vertelt een spreker "
            "over een thema, bijvoorbeeld medicijnen of bewegen.",
        ),
        codes=("LD07", "SA03", "DG05", "DG06"),
        when=("M 1TH 14:00-16:00",),
    ),
    T(
        key="chronische-pijn",
        names=("Contactgroep chronische pijn",),
        texts=(
            "Elke dag pijn hebben is zwaar en onzichtbaar voor anderen. In deze groep voelt u zich begrepen. "
            "U leert van elkaar hoe u met de pijn leeft.",
        ),
        codes=("LD07", "LD06", "SA03", "DG04"),
        when=("M 4MO 14:00-16:00",),
    ),
    T(
        key="diabetes-groep",
        names=("Ontmoetingsgroep diabetes",),
        texts=(
            "Leven met diabetes roept vragen op over eten, bewegen en medicijnen. Elke maand praten mensen met "
            "diabetes hierover met elkaar. Soms komt er een diëtist.",
        ),
        codes=("LD07", "SA03", "DG04", "DG05"),
        when=("M 1MO 19:30-21:00",),
    ),
    T(
        key="inloophuis-kanker",
        names=("Inloophuis Het Lichtpunt",),
        texts=(
            "Een warme plek voor mensen met kanker en hun naasten. Voor een gesprek, een activiteit of gewoon rust. "
            "Vrijwilligers weten wat kanker met een leven doet.",
        ),
        codes=("LD07", "LD06", "SA01", "DG04", "DG06"),
        when=("W TU-TH 10:00-16:00",),
    ),
    T(
        key="hoorspreekuur",
        names=("Hoorspreekuur",),
        texts=(
            "Heeft u een vraag over uw hoortoestel of slecht horen? Een ervaren vrijwilliger helpt u, bijvoorbeeld "
            "met schoonmaken of nieuwe batterijen.",
        ),
        codes=("LD07", "LD10", "SA01", "DG05"),
        when=("MD 15 10:00-12:00 inloop",),
    ),
    T(
        key="vptz",
        names=("Vrijwillige hulp in de laatste levensfase",),
        texts=(
            "Is iemand ernstig ziek en wil hij of zij thuis sterven? Getrainde vrijwilligers waken en zijn er, "
            "ook 's nachts. Zo kan de familie even rusten.",
        ),
        codes=("LD07", "LD11", "SA04", "DG06"),
        when=("W MO-SU 00:00-23:59",),
        how="bellen",
    ),
    T(
        key="zorgboerderij",
        names=("Dagbesteding op de zorgboerderij",),
        texts=(
            "Op de boerderij zorgt u samen met anderen voor de dieren, de moestuin en de winkel. "
            "Er is begeleiding voor ouderen en voor mensen met een beperking.",
        ),
        codes=("LD03", "LD06", "SA07", "DG04", "DG05"),
        when=("W MO-FR 09:30-15:30",),
        how="verwijzing",
    ),
)
