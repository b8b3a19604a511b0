# SPDX-License-Identifier: EUPL-1.2
"""Service templates about housing, family and justice (LD04, LD05, LD13)."""

from __future__ import annotations

from .spec import Template as T

TEMPLATES: tuple[T, ...] = (
    T(
        key="woonconsulent",
        names=("Spreekuur woonconsulent {wijk}",),
        texts=(
            "Heeft u een vraag over uw huurwoning, de huur of uw buren? De woonconsulent helpt u verder. "
            "Ook als u wilt verhuizen naar een woning die beter bij u past.",
            "De woonconsulent van de woonstichting is er voor huurders met vragen. "
            "Bijvoorbeeld over reparaties, overlast of een betalingsregeling.",
        ),
        codes=("LD04", "SA06", "DG04"),
        when=("W TU 09:00-12:00 inloop", "W TH 13:00-16:00 inloop"),
        talen=("en", "tr"),
    ),
    T(
        key="huurachterstand",
        names=("Hulp bij huurachterstand",),
        texts=(
            "Kunt u de huur niet op tijd betalen? Neem dan snel contact op. Samen maken we een betalingsregeling. "
            "Zo voorkomen we dat u uw huis kwijtraakt.",
        ),
        codes=("LD04", "LD01", "SA07", "DG04"),
        when=("W MO-FR 08:30-17:00 afspraak",),
        how="afspraak",
    ),
    T(
        key="woningzoeken-jongeren",
        names=("Spreekuur: een woning zoeken als jongere",),
        texts=(
            "Zoek je je eerste eigen huis? We leggen uit hoe inschrijven werkt, wat urgentie is en welke "
            "huurtoeslag je kunt krijgen. Neem je vragen mee.",
        ),
        codes=("LD04", "SA06", "DG02"),
        when=("M 1WE 15:00-17:00 inloop",),
        je=True,
        ages=(18, 27),
    ),
    T(
        key="huurteam",
        names=("Huurteam: check je huur",),
        texts=(
            "Betaalt u misschien te veel huur of servicekosten? Het huurteam rekent het gratis voor u na. "
            "Ook bij achterstallig onderhoud helpen we u.",
        ),
        codes=("LD04", "LD01", "SA06", "DG04"),
        when=("W WE 13:00-17:00 inloop",),
        talen=("en", "pl"),
    ),
    T(
        key="huurdersvereniging",
        names=("Spreekuur huurdersvereniging",),
        texts=(
            "De huurdersvereniging komt op voor alle huurders. Op het spreekuur kunt u terecht met klachten "
            "over onderhoud of de huurverhoging.",
        ),
        codes=("LD04", "LD12", "SA06", "DG04"),
        when=("M 1TH 19:00-20:30 inloop",),
    ),
    T(
        key="begeleid-wonen-info",
        names=("Informatie over begeleid wonen",),
        texts=(
            "Wilt u zelfstandig wonen, maar heeft u daarbij hulp nodig? We vertellen wat begeleid wonen is en "
            "hoe u het aanvraagt. Ook voor ouders van jongeren met een beperking.",
        ),
        codes=("LD04", "LD06", "SA06", "DG04", "DG02"),
        when=("M 2TU 10:00-12:00 afspraak",),
        how="afspraak",
    ),
    T(
        key="dagopvang",
        names=("Dagopvang De Haven",),
        texts=(
            "Heeft u geen vaste woonplek? In de dagopvang kunt u overdag terecht voor koffie, een maaltijd, "
            "een douche en de was. Een maatschappelijk werker helpt u met uw vragen.",
        ),
        codes=("LD04", "LD09", "SA01", "DG04"),
        when=("W MO-SU 09:00-17:00",),
        voor="Voor dak- en thuisloze volwassenen.",
    ),
    T(
        key="nachtopvang",
        names=("Nachtopvang De Haven",),
        texts=(
            "In de nachtopvang slaapt u in een warm en veilig bed. U krijgt ook een avondmaaltijd en ontbijt. "
            "Meld u vóór 21.00 uur.",
        ),
        codes=("LD04", "LD09", "SA08", "DG04"),
        when=("W MO-SU 21:00-09:00",),
        cost="3|per nacht",
        voor="Voor dak- en thuisloze volwassenen.",
    ),
    T(
        key="opvoedspreekuur",
        names=("Opvoedspreekuur {wijk}",),
        texts=(
            "Slaapt je kind slecht, eet het niet goed of zijn er driftbuien? Een pedagoog denkt met je mee. "
            "Geen vraag is te klein.",
            "Vragen over opvoeden en opgroeien? Loop binnen bij het opvoedspreekuur in {plek}. "
            "Je krijgt praktische tips die passen bij jouw gezin.",
        ),
        codes=("LD05", "SA01", "DG03"),
        when=("W WE 09:00-11:00 inloop", "W MO 13:30-15:30 inloop"),
        je=True,
        talen=("en", "ar"),
    ),
    T(
        key="positief-opvoeden",
        names=("Cursus positief opvoeden",),
        texts=(
            "In vijf bijeenkomsten leer je hoe je rust brengt in huis. Je oefent met belonen, grenzen stellen en "
            "omgaan met ruzie. Je deelt ervaringen met andere ouders.",
        ),
        codes=("LD05", "SA02", "DG03"),
        when=("C5 TU 19:30-21:30", "C5 TH 09:30-11:30"),
        how="aanmelden",
        je=True,
    ),
    T(
        key="scheiding-kinderen",
        names=("Praatgroep Twee Huizen",),
        texts=(
            "Zijn je ouders gescheiden? In deze groep praat je met andere kinderen die hetzelfde meemaken. "
            "We doen ook spelletjes en opdrachten. Je ouders krijgen een ouderavond.",
        ),
        codes=("LD05", "LD06", "SA03", "DG01"),
        when=("C8 WE 14:00-15:30",),
        how="aanmelden",
        je=True,
        ages=(8, 12),
    ),
    T(
        key="scheiding-volwassenen",
        names=("Lotgenotengroep scheiding",),
        texts=(
            "Een scheiding zet uw leven op zijn kop. In deze groep praat u met anderen die ook gescheiden zijn. "
            "Een begeleider zorgt dat iedereen aan het woord komt.",
        ),
        codes=("LD05", "LD06", "SA03", "DG04"),
        when=("M 2MO,4MO 19:30-21:30",),
        how="aanmelden",
    ),
    T(
        key="scheiding-juridisch",
        names=("Spreekuur scheiden en recht",),
        texts=(
            "Gaat u scheiden? Een jurist legt uit wat u moet regelen, zoals alimentatie, het huis en de kinderen. "
            "Het eerste gesprek is gratis.",
        ),
        codes=("LD13", "LD05", "SA06", "DG04"),
        when=("M 2WE 13:00-16:00 afspraak",),
        how="afspraak",
    ),
    T(
        key="gezinsmaatje",
        names=("Gezinsmaatje",),
        texts=(
            "Heb je jonge kinderen en is het thuis even te veel? Een ervaren ouder komt als vrijwilliger één "
            "dagdeel per week bij je thuis. Je krijgt steun, een luisterend oor en praktische hulp.",
        ),
        codes=("LD05", "LD11", "SA04", "DG03"),
        when=("W MO-FR 09:00-17:00 afspraak",),
        how="intake",
        je=True,
    ),
    T(
        key="steungezin",
        names=("Steungezin voor je kind",),
        texts=(
            "Een steungezin uit de buurt vangt je kind regelmatig op, bijvoorbeeld één middag per week. "
            "Zo heb jij even rust en heeft je kind een extra plek waar het welkom is.",
        ),
        codes=("LD05", "LD11", "SA04", "DG01", "DG03"),
        when=("W MO-FR 09:00-17:00 afspraak",),
        how="intake",
        je=True,
    ),
    T(
        key="moeder-voor-moeder",
        names=("Moeder voor moeder",),
        texts=(
            "Ervaren moeders bezoeken jonge moeders thuis. Ze praten over zwangerschap, voeding, slapen en opvoeden. "
            "De bezoekers spreken ook Arabisch, Turks of Somalisch.",
        ),
        codes=("LD05", "LD07", "SA04", "DG03", "DG07"),
        when=("W MO-FR 09:00-17:00 afspraak",),
        how="aanmelden",
        talen=("ar", "tr", "so"),
    ),
    T(
        key="thuis-veilig-lijn",
        names=("Advies bij huiselijk geweld en kindermishandeling",),
        texts=(
            "Maakt u zich zorgen over geweld in een gezin, bij uzelf of bij iemand anders? Bel voor advies. "
            "U kunt ook anoniem bellen. Bij direct gevaar belt u 112.",
        ),
        codes=("LD05", "LD13", "SA06", "DG04", "DG01"),
        when=("W MO-SU 00:00-23:59",),
        how="bellen",
    ),
    T(
        key="huiselijk-geweld-spreekuur",
        names=("Spreekuur relatie en veiligheid",),
        texts=(
            "Voelt u zich niet veilig thuis? Op dit spreekuur praat u in vertrouwen met een hulpverlener. "
            "Samen kijkt u wat u nodig heeft. U beslist zelf over de volgende stap.",
        ),
        codes=("LD05", "LD06", "SA01", "DG04"),
        when=("W TH 13:00-15:00 inloop",),
    ),
    T(
        key="vrouwenopvang",
        names=("Opvang bij geweld thuis",),
        texts=(
            "Moet u thuis weg omdat het niet veilig is? De opvang biedt een tijdelijke, geheime woonplek voor u en "
            "uw kinderen. U krijgt hulp om een nieuwe start te maken.",
        ),
        codes=("LD05", "LD04", "SA08", "DG04", "DG03"),
        when=("W MO-SU 00:00-23:59",),
        how="bellen",
    ),
    T(
        key="ouderkamer",
        names=("Ouderkamer: koffieochtend voor ouders",),
        texts=(
            "In de ouderkamer van school drinken ouders samen koffie. Er is vaak een thema, zoals taal of "
            "gezond eten. U leert andere ouders en de leerkrachten beter kennen.",
        ),
        codes=("LD05", "LD12", "LD11", "SA05", "DG03"),
        when=("W TU 08:45-10:15", "W FR 08:45-10:00"),
        talen=("ar", "tr"),
    ),
    T(
        key="schoolmaatschappelijk-werk",
        names=("Spreekuur schoolmaatschappelijk werk",),
        texts=(
            "Gaat het niet goed met je kind, op school of thuis? De schoolmaatschappelijk werker denkt met je mee "
            "en helpt je snel verder. Je kunt binnenlopen na het brengen.",
        ),
        codes=("LD05", "LD06", "SA07", "DG01", "DG03"),
        when=("W MO 08:30-10:00 inloop", "W TH 08:30-10:00 inloop"),
        je=True,
    ),
    T(
        key="brusjesgroep",
        names=("Brusjesgroep",),
        texts=(
            "Heb je een broer of zus met een ziekte of beperking? In de brusjesgroep ontmoet je andere kinderen "
            "die dat ook hebben. We praten, spelen en hebben plezier.",
        ),
        codes=("LD05", "LD06", "SA03", "DG01", "DG02"),
        when=("M 2SA 10:00-12:00",),
        how="aanmelden",
        je=True,
        ages=(8, 14),
    ),
    T(
        key="autisme-ouders",
        names=("Oudergroep autisme",),
        texts=(
            "Heeft uw kind autisme? Elke maand wisselen ouders ervaringen en tips uit. "
            "Soms is er een spreker, bijvoorbeeld over school of puberteit.",
        ),
        codes=("LD05", "LD06", "SA03", "DG03"),
        when=("M 3TU 20:00-22:00",),
    ),
    T(
        key="peuterspeelgroep",
        names=("Peuterspeelgroep {naam}",),
        texts=(
            "Op de peuterspeelgroep speelt je kind van 2 tot 4 jaar met andere kinderen. Het leert samen spelen "
            "en Nederlandse woorden. Zo is je kind goed voorbereid op de basisschool.",
        ),
        codes=("LD05", "LD03", "SA05", "DG01", "DG03"),
        when=("W MO,WE 08:30-12:30", "W TU,TH 08:30-12:30"),
        cost="4|per ochtend, afhankelijk van je inkomen",
        how="aanmelden",
        je=True,
        ages=(2, 4),
    ),
    T(
        key="vakantieweek-kinderen",
        names=("Vakantieweek voor kinderen",),
        texts=(
            "In de zomervakantie is er een week vol spel, sport en knutselen. Er is elke dag een lunch. "
            "Voor kinderen uit alle buurten van Voorbeeld.",
        ),
        codes=("LD03", "SA05", "DG01"),
        when=("V MO-FR 10:00-15:00",),
        how="aanmelden",
        je=True,
        ages=(5, 12),
    ),
    T(
        key="nazorg-detentie",
        names=("Nazorg na detentie",),
        texts=(
            "Komt u binnenkort vrij of bent u net vrij? We helpen u met een woonplek, inkomen, een ID-bewijs en "
            "zorgverzekering. Zo kunt u een nieuwe start maken.",
        ),
        codes=("LD13", "LD04", "LD02", "SA07", "DG04"),
        when=("W MO-FR 09:00-17:00 afspraak",),
        how="afspraak",
    ),
    T(
        key="maatje-na-detentie",
        names=("Maatje na detentie",),
        texts=(
            "Een vrijwilliger steunt u het eerste jaar na uw vrijlating. Hij of zij helpt u met afspraken en "
            "luistert naar u. Zo bouwt u een nieuw netwerk op.",
        ),
        codes=("LD13", "LD11", "SA04", "DG04"),
        when=("W MO-FR 09:00-17:00 afspraak",),
        how="intake",
    ),
    T(
        key="detentie-familie",
        names=("Praatgroep voor familie van gedetineerden",),
        texts=(
            "Zit uw partner, kind of ouder in de gevangenis? In deze groep praat u met anderen die dit ook meemaken. "
            "Er is ook aandacht voor de kinderen.",
        ),
        codes=("LD13", "LD05", "SA03", "DG03", "DG04"),
        when=("M 3WE 19:30-21:00",),
        how="aanmelden",
    ),
    T(
        key="slachtofferloket",
        names=("Steun na een misdrijf of ongeluk",),
        texts=(
            "Bent u slachtoffer van een inbraak, geweld of een verkeersongeluk? Wij helpen u gratis. "
            "Met uw gevoelens, met de politie en met het aanvragen van een schadevergoeding.",
        ),
        codes=("LD13", "LD06", "SA06", "DG04"),
        when=("W MO-FR 08:00-20:00",),
        how="bellen",
    ),
    T(
        key="jongeren-overtreding",
        names=("Hulp voor jongeren na een overtreding",),
        texts=(
            "Heb je iets gedaan wat niet mag, zoals vandalisme of winkeldiefstal? In plaats van een straf krijg je "
            "een leertraject. Je praat over wat er gebeurd is en maakt het goed.",
        ),
        codes=("LD13", "SA07", "DG02"),
        when=("W MO-FR 09:00-17:00 afspraak",),
        how="verwijzing",
        je=True,
        ages=(12, 18),
    ),
    T(
        key="juridisch-spreekuur",
        names=("Juridisch spreekuur",),
        texts=(
            "Heeft u een juridisch probleem, bijvoorbeeld met uw werkgever, verhuurder of een webwinkel? "
            "Een jurist geeft gratis advies en vertelt wat uw rechten zijn.",
        ),
        codes=("LD13", "LD12", "LD01", "SA06", "DG04"),
        when=("W MO,TH 13:00-16:00 inloop",),
        talen=("en",),
    ),
    T(
        key="huurrecht-spreekuur",
        names=("Spreekuur huurrecht",),
        texts=(
            "Heeft u ruzie met uw verhuurder over onderhoud, de borg of opzegging? Een jurist vertelt wat u kunt doen.",
        ),
        codes=("LD13", "LD04", "SA06", "DG04"),
        when=("M 1MO,3MO 19:00-20:30 inloop",),
    ),
    T(
        key="wijkagent",
        names=("Spreekuur wijkagent {wijk}",),
        texts=(
            "Wilt u iets bespreken met uw wijkagent, zoals overlast of een onveilige plek? Kom naar het spreekuur. "
            "Voor aangifte kunt u beter een afspraak maken.",
        ),
        codes=("LD13", "LD04", "SA01", "DG04"),
        when=("M 1TU 10:00-11:00 inloop", "M 2WE 16:00-17:00 inloop", "M 3TH 10:00-11:00 inloop"),
    ),
)
