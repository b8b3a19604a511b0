# SPDX-License-Identifier: EUPL-1.2
"""Service templates for buurthuizen, residents' groups and free time (LD03, LD11, LD12)."""

from __future__ import annotations

from .spec import Template as T

# Activities a buurthuis draws two or three from; names carry the buurthuis, so they never
# read as duplicates of each other.
BUURTHUIS_ACTIVITIES: tuple[str, ...] = (
    "koffieochtend", "eettafel", "creatief", "kinderclub", "spelmiddag", "stoelyoga", "naaiatelier",
    "buurtkoor", "huiskamer", "tienerinloop", "vragenuur-tablet", "ouder-kind-ochtend",
)

TEMPLATES: tuple[T, ...] = (
    T(
        key="koffieochtend",
        names=("Koffieochtend in {naam}", "Inloop met koffie in {naam}"),
        texts=(
            "Elke week staat in {plek} de koffie klaar. U kunt gewoon binnenlopen voor een praatje. "
            "Zo leert u andere mensen uit de buurt kennen.",
            "Zin in gezelschap? Drink een kopje koffie of thee met buurtbewoners. Vrijwilligers ontvangen u.",
        ),
        codes=("LD11", "LD03", "SA05", "DG04", "DG05"),
        when=("W TU 10:00-12:00", "W WE 10:00-11:30", "W FR 10:00-12:00", "W MO 09:30-11:30"),
        cost="0.50|per kopje",
    ),
    T(
        key="eettafel",
        names=("Buurtmaaltijd in {naam}", "Samen eten in {naam}"),
        texts=(
            "Samen eten is gezelliger dan alleen. Vrijwilligers koken een verse maaltijd met voorgerecht en toetje. "
            "Meld u uiterlijk een dag van tevoren aan.",
            "Eén keer per week schuiven buurtbewoners aan voor een warme maaltijd in {plek}. "
            "Heeft u een dieet? Geef het door bij het aanmelden.",
        ),
        codes=("LD11", "LD09", "SA05", "DG05", "DG04"),
        when=("W TH 17:30-19:30", "W WE 12:00-13:30", "M 2FR,4FR 17:30-19:30"),
        cost="5|per maaltijd",
        how="aanmelden",
    ),
    T(
        key="creatief",
        names=("Creatieve middag {naam}", "Handwerkclub {naam}"),
        texts=(
            "Houdt u van breien, haken, schilderen of knutselen? Neem uw eigen werk mee of doe mee met de opdracht "
            "van de week. Materiaal is aanwezig.",
            "Samen creatief bezig zijn in {plek}. Er is een vrijwilliger die tips geeft. Ervaring is niet nodig.",
        ),
        codes=("LD03", "LD11", "SA05", "DG04", "DG05"),
        when=("W MO 13:30-16:00", "W WE 13:30-15:30", "W2 TH 13:30-16:00"),
        cost="2.50|per keer",
    ),
    T(
        key="kinderclub",
        names=("Kinderclub {naam}", "Knutsel- en speelclub {naam}"),
        texts=(
            "Elke woensdagmiddag is er de kinderclub. We knutselen, doen spelletjes en gaan naar buiten. "
            "Je ouders hoeven niet te blijven.",
            "Na school spelen en knutselen met andere kinderen uit de buurt. Er is altijd limonade en fruit.",
        ),
        codes=("LD03", "LD11", "SA05", "DG01"),
        when=("W WE 14:00-16:00", "W FR 15:30-17:00"),
        je=True,
        ages=(6, 12),
    ),
    T(
        key="spelmiddag",
        names=("Spelletjesmiddag {naam}", "Kaart- en sjoelclub {naam}"),
        texts=(
            "Klaverjassen, rummikub of sjoelen: elke week spelen buurtbewoners samen een spel. "
            "Nieuwe spelers zijn welkom, we leggen de regels graag uit.",
        ),
        codes=("LD11", "LD03", "SA05", "DG05"),
        when=("W TH 13:30-16:30", "W MO 19:30-22:00", "W2 TU 13:30-16:00"),
        cost="1|per keer",
    ),
    T(
        key="stoelyoga",
        names=("Stoelyoga in {naam}", "Bewegen op de stoel in {naam}"),
        texts=(
            "Rustige oefeningen op een stoel voor meer kracht en soepelheid. U hoeft niet op de grond te zitten. "
            "Een ervaren docent past de oefeningen aan voor iedereen.",
        ),
        codes=("LD07", "LD11", "SA05", "DG05"),
        when=("W TU 10:30-11:30", "W FR 09:30-10:30"),
        cost="2.50|per les",
    ),
    T(
        key="naaiatelier",
        names=("Naaiatelier {naam}", "Repareren en naaien in {naam}"),
        texts=(
            "Is uw broek te lang of zit er een gat in uw jas? In het naaiatelier repareert u uw kleding zelf, "
            "met hulp van vrijwilligers. Naaimachines zijn aanwezig.",
        ),
        codes=("LD03", "LD01", "SA05", "DG04"),
        when=("W WE 19:00-21:00", "W2 SA 10:00-12:30"),
        cost="1|per keer",
        talen=("ar", "tr"),
    ),
    T(
        key="buurtkoor",
        names=("Buurtkoor {naam}", "Samen zingen in {naam}"),
        texts=(
            "Zingen maakt blij. Het buurtkoor zingt bekende liedjes uit binnen- en buitenland. "
            "U hoeft geen noten te kunnen lezen.",
        ),
        codes=("LD03", "LD11", "SA05", "DG04", "DG05"),
        when=("W MO 19:30-21:00", "W TH 10:00-11:30"),
        cost="3|per keer",
    ),
    T(
        key="huiskamer",
        names=("Huiskamer {naam}", "De Huiskamer in {naam}"),
        texts=(
            "Voelt u zich soms alleen? In de huiskamer is het warm en gezellig. U kunt een krant lezen, "
            "een praatje maken of meehelpen met de lunch. Een vrijwilliger is er altijd.",
            "Een plek om even te zijn, zonder verplichtingen. Koffie en thee zijn gratis.",
        ),
        codes=("LD11", "LD06", "SA05", "DG04", "DG05"),
        when=("W MO,WE,FR 10:00-14:00", "W TU,TH 10:00-15:00"),
    ),
    T(
        key="tienerinloop",
        names=("Tienerinloop {naam}", "Tienerclub {naam}"),
        texts=(
            "Voor tieners van 10 tot 14 jaar. Je kunt tafeltennissen, gamen of gewoon chillen met vrienden. "
            "De jongerenwerker is er ook als je ergens mee zit.",
        ),
        codes=("LD03", "LD11", "SA05", "DG02", "DG01"),
        when=("W WE 15:00-17:30", "W FR 19:00-21:00"),
        je=True,
        ages=(10, 14),
    ),
    T(
        key="vragenuur-tablet",
        names=("Vragenuur tablet en telefoon in {naam}",),
        texts=(
            "Heeft u een vraag over uw smartphone of tablet? Vrijwilligers helpen u, bijvoorbeeld met "
            "WhatsApp, foto's of een app van de bank. Neem uw apparaat en wachtwoorden mee.",
        ),
        codes=("LD10", "LD12", "SA01", "DG05"),
        when=("W TU 14:00-16:00 inloop", "W2 MO 10:00-12:00 inloop"),
    ),
    T(
        key="ouder-kind-ochtend",
        names=("Peuter- en ouderochtend {naam}", "Ouder-kindochtend {naam}"),
        texts=(
            "Speel samen met je peuter en ontmoet andere ouders. Er is speelgoed, koffie en een kringmoment met "
            "liedjes. Je kunt ook vragen stellen aan de pedagogisch medewerker.",
        ),
        codes=("LD05", "LD11", "SA05", "DG01", "DG03"),
        when=("W TU 09:30-11:30", "W TH 09:30-11:00"),
        je=True,
        talen=("ar", "tr", "en"),
        ages=(0, 4),
    ),
    T(
        key="bewonersoverleg",
        names=("Bewonersoverleg {buurt}",),
        texts=(
            "Eén keer per maand praten bewoners van {buurt} over wat er speelt in de buurt. "
            "Over groen, verkeer of overlast. De wijkagent en de gemeente schuiven soms aan.",
            "Heeft u een idee voor {buurt} of een zorg? Kom naar het bewonersoverleg en praat mee.",
        ),
        codes=("LD12", "LD04", "SA05", "DG04"),
        when=("M 1MO 19:30-21:00", "M 2WE 19:30-21:00", "M 3TU 20:00-21:30"),
    ),
    T(
        key="buurtschoonmaak",
        names=("Buurtschoonmaak {buurt}",),
        texts=(
            "Eén zaterdag per maand ruimen we samen zwerfafval op in {buurt}. Grijpers en vuilniszakken zijn er. "
            "Na afloop is er koffie.",
        ),
        codes=("LD12", "LD04", "SA04", "DG04"),
        when=("M -1SA 10:00-12:00", "M 1SA 10:00-12:00"),
    ),
    T(
        key="buurtpreventie",
        names=("Buurtpreventie {buurt}",),
        texts=(
            "Bewoners lopen 's avonds een rondje door {buurt}. Ze letten op open ramen, kapotte lampen en verdachte "
            "situaties. Zo werken we samen met de politie aan een veilige buurt.",
        ),
        codes=("LD13", "LD04", "LD12", "SA04", "DG04"),
        when=("W TU,FR 20:00-22:00",),
        how="aanmelden",
    ),
    T(
        key="buurtbudget",
        names=("Buurtbudget: geld voor een buurtidee",),
        texts=(
            "Heeft u een goed idee voor de buurt, zoals een buurtfeest of een bankje? Vraag geld aan uit het "
            "buurtbudget. "
            "De wijkconsulent helpt u met de aanvraag.",
        ),
        codes=("LD12", "LD03", "SA06", "DG04"),
        when=("W MO-FR 09:00-17:00 afspraak",),
        how="aanmelden",
    ),
    T(
        key="repaircafe",
        names=("Repaircafé {wijk}",),
        texts=(
            "Is uw broodrooster, fiets of jas kapot? Neem hem mee naar het repaircafé. "
            "Handige vrijwilligers repareren het samen met u. Zo gooit u minder weg.",
        ),
        codes=("LD03", "LD01", "LD11", "SA05", "DG04"),
        when=("M 1SA 10:00-13:00", "M 3SA 13:00-16:00"),
        cost="3|vrijwillige bijdrage per reparatie",
    ),
    T(
        key="buurtmoestuin",
        names=("Buurtmoestuin {naam}",),
        texts=(
            "Samen groente en kruiden kweken in de buurt. U hoeft geen ervaring te hebben. "
            "De oogst verdelen we samen. Buiten zijn is goed voor lichaam en hoofd.",
        ),
        codes=("LD03", "LD11", "LD07", "SA05", "DG04", "DG05"),
        when=("W WE 10:00-12:00; W SA 10:00-12:00", "W TU,SA 09:30-12:00"),
    ),
    T(
        key="volkstuin",
        names=("Een eigen volkstuin huren",),
        texts=(
            "Wilt u uw eigen groenten telen? Bij de volkstuinvereniging huurt u een tuin van 100 of 200 "
            "vierkante meter. "
            "Ervaren tuinders helpen u op weg.",
        ),
        codes=("LD03", "LD07", "SA05", "DG04", "DG05"),
        when=("W SA 09:00-12:00",),
        cost="45|per jaar",
        how="lid",
    ),
    T(
        key="speeltuin",
        names=("Speeltuin {naam}",),
        texts=(
            "Een veilige speeltuin met schommels, een zandbak en een klimrek. Vrijwilligers houden toezicht. "
            "In de vakanties zijn er extra activiteiten.",
        ),
        codes=("LD03", "SA05", "DG01", "DG03"),
        when=("W WE,SA 13:00-17:00", "W TU-SA 13:30-17:00"),
        cost="15|per gezin per jaar",
        je=True,
    ),
    T(
        key="soos-55",
        names=("Soos 55+ {wijk}",),
        texts=(
            "Elke week een gezellige middag voor 55-plussers met koffie, spelletjes en af en toe een lezing. "
            "Leden betalen een kleine bijdrage per jaar.",
        ),
        codes=("LD11", "LD03", "SA05", "DG05"),
        when=("W WE 13:30-16:30", "W TH 14:00-17:00"),
        cost="2|per middag",
    ),
    T(
        key="uitstapjes-senioren",
        names=("Uitstapjes voor senioren {wijk}",),
        texts=(
            "Elke maand een uitstapje met de bus, bijvoorbeeld naar een museum of een tuin. "
            "Begeleiders zijn erbij. Slecht ter been? Een rollator kan mee.",
        ),
        codes=("LD11", "LD03", "SA05", "DG05"),
        when=("M 3TH 09:30-17:00",),
        cost="12.50|per uitstapje",
        how="aanmelden",
    ),
    T(
        key="open-huis-kerk",
        names=("Open huis in {naam}", "Inloop in {plek}"),
        texts=(
            "Iedereen is welkom voor koffie, een praatje of een luisterend oor. U hoeft niet gelovig te zijn. "
            "Vrijwilligers maken graag tijd voor u.",
        ),
        codes=("LD11", "LD06", "SA05", "DG04", "DG05"),
        when=("W WE 10:00-12:00", "W SA 10:00-12:30"),
    ),
    T(
        key="warme-maaltijd",
        names=("Gratis warme maaltijd in {naam}",),
        texts=(
            "Eén keer per week een gratis warme maaltijd voor iedereen die dat nodig heeft. "
            "Aanschuiven kan zonder aanmelding. U eet samen met anderen aan lange tafels.",
        ),
        codes=("LD09", "LD11", "LD01", "SA05", "DG04"),
        when=("W TH 17:30-19:00", "W SU 12:30-14:00"),
    ),
    T(
        key="speel-o-theek",
        names=("Speel-o-theek Het Speelkwartier",),
        texts=(
            "In de speel-o-theek leent u speelgoed en spellen, net als boeken in de bibliotheek. "
            "Zo heeft uw kind steeds iets nieuws. U betaalt een klein bedrag per stuk.",
        ),
        codes=("LD03", "LD05", "SA08", "DG01", "DG03"),
        when=("W WE 14:00-16:30; W SA 10:00-12:00",),
        cost="1|per stuk per drie weken",
    ),
    T(
        key="voorleesochtend",
        names=("Voorlezen voor peuters in {plek}",),
        texts=(
            "Elke week leest een voorlezer een prentenboek voor aan peuters. Daarna zingen en knutselen we. "
            "Ouders en opa's en oma's zijn ook welkom.",
        ),
        codes=("LD05", "LD03", "SA05", "DG01", "DG03"),
        when=("W WE 10:00-10:45", "W SA 11:00-11:45"),
        je=True,
        ages=(2, 5),
    ),
    T(
        key="boek-aan-huis",
        names=("Boek aan huis",),
        texts=(
            "Kunt u niet meer naar de bibliotheek komen? Een vrijwilliger brengt elke drie weken boeken, "
            "luisterboeken of tijdschriften bij u thuis. U kiest zelf wat u wilt lezen.",
        ),
        codes=("LD03", "LD10", "SA08", "DG05"),
        when=("W MO-FR 10:00-16:00 afspraak",),
        how="aanmelden",
    ),
    T(
        key="mannenochtend",
        names=("Mannenochtend",),
        texts=(
            "Een ochtend voor mannen die graag samen iets doen: klussen, een wandeling of gewoon koffie en de krant. "
            "Veel mannen vinden zo nieuwe maten.",
        ),
        codes=("LD11", "LD03", "SA05", "DG04", "DG05"),
        when=("W FR 09:30-12:00",),
    ),
    T(
        key="jeu-de-boules",
        names=("Jeu de boules voor iedereen",),
        texts=(
            "Op vier banen speelt u jeu de boules in een ontspannen sfeer. Ballen kunt u lenen. "
            "Nieuwe spelers leren het spel in een paar minuten.",
        ),
        codes=("LD03", "LD11", "SA05", "DG05", "DG04"),
        when=("W TU,FR 13:30-16:30",),
        cost="25|per jaar",
        how="lid",
    ),
    T(
        key="schaakclub",
        names=("Schaakavond voor jong en oud",),
        texts=(
            "Elke week schaken kinderen en volwassenen samen. Beginners krijgen les van ervaren spelers. "
            "Borden en klokken zijn er.",
        ),
        codes=("LD03", "LD11", "SA05", "DG02", "DG04", "DG05"),
        when=("W TH 19:00-22:30",),
        cost="40|per jaar|pas",
        how="lid",
    ),
    T(
        key="muziekles-kinderen",
        names=("Muziekles voor kinderen",),
        texts=(
            "Wil je een instrument leren spelen, zoals gitaar, drums of viool? Je krijgt les in een klein groepje. "
            "Het instrument kun je lenen.",
        ),
        codes=("LD03", "SA02", "DG01", "DG02"),
        when=("W WE 14:00-17:00", "W SA 10:00-13:00"),
        cost="75|per half jaar|pas",
        how="aanmelden",
        je=True,
        ages=(7, 18),
    ),
    T(
        key="natuurwandeling",
        names=("Natuurwandeling met een gids",),
        texts=(
            "Eén keer per maand loopt een natuurgids met u door het park. U ontdekt welke vogels en planten "
            "er in de stad leven. Verzamelen bij de ingang van de sporthal.",
        ),
        codes=("LD03", "LD07", "SA05", "DG04", "DG05"),
        when=("M 2SU 10:00-12:00",),
    ),
    T(
        key="schildercursus",
        names=("Schilderen voor beginners",),
        texts=(
            "In acht lessen leert u schilderen met acrylverf. De docent laat u technieken zien en geeft persoonlijke "
            "tips. Verf en doeken zijn inbegrepen.",
        ),
        codes=("LD03", "SA02", "DG04", "DG05"),
        when=("C8 MO 19:30-21:30", "C8 WE 10:00-12:00"),
        cost="45|per cursus|pas",
        how="aanmelden",
    ),
    T(
        key="jongerentheater",
        names=("Jongerentheater",),
        texts=(
            "Toneelspelen, improviseren en een eigen voorstelling maken. Aan het eind van het seizoen speel je "
            "voor publiek. Je hoeft geen ervaring te hebben.",
        ),
        codes=("LD03", "LD11", "SA05", "DG02"),
        when=("W TU 18:30-20:30",),
        cost="50|per seizoen|pas",
        how="lid",
        je=True,
        ages=(12, 18),
    ),
    T(
        key="biljart",
        names=("Biljartmiddag voor senioren",),
        texts=(
            "Op drie tafels speelt u biljart met andere senioren. U kunt ook alleen komen kijken en een kop koffie "
            "drinken. Beginners zijn welkom.",
        ),
        codes=("LD03", "LD11", "SA05", "DG05"),
        when=("W MO,TH 13:00-17:00",),
        cost="2|per middag",
    ),
    T(
        key="scouting",
        names=("Scouting voor kinderen en jongeren",),
        texts=(
            "Elke zaterdag ga je met je groep naar buiten: hutten bouwen, vuur maken en spellen doen. "
            "In de zomer gaan we op kamp. Met de Voorbeeldpas is het lidmaatschap gratis.",
        ),
        codes=("LD03", "LD11", "SA05", "DG01", "DG02"),
        when=("W SA 09:30-12:00",),
        cost="90|per jaar|pas",
        how="lid",
        je=True,
        ages=(5, 21),
    ),
    T(
        key="kinderboerderij",
        names=("Vrijwilligerswerk op de kinderboerderij",),
        texts=(
            "Help mee met het verzorgen van de dieren en het schoonhouden van de boerderij. "
            "U werkt samen met andere vrijwilligers. Ook mensen die weer willen wennen aan werken zijn welkom.",
        ),
        codes=("LD03", "LD12", "LD02", "SA04", "DG04"),
        when=("W MO-SA 09:00-12:00 afspraak",),
        how="aanmelden",
    ),
)
