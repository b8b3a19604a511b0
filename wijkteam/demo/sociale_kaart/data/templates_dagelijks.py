# SPDX-License-Identifier: EUPL-1.2
"""Service templates about addiction and daily care (LD08, LD09)."""

from __future__ import annotations

from .spec import Template as T

TEMPLATES: tuple[T, ...] = (
    T(
        key="verslaving-inloop",
        names=("Inloopspreekuur alcohol en drugs",),
        texts=(
            "Maakt u zich zorgen over uw drinken, blowen of gebruik van andere middelen? Of over dat van "
            "iemand anders? "
            "Een verslavingsdeskundige praat vrijblijvend met u.",
        ),
        codes=("LD08", "SA01", "DG04"),
        when=("W WE 13:00-15:00 inloop",),
    ),
    T(
        key="online-zelfhulp",
        names=("Online zelfhulp: minder drinken",),
        texts=(
            "Wilt u minder alcohol drinken? Met dit gratis programma houdt u bij hoeveel u drinkt. "
            "Een coach geeft u online tips en steun.",
        ),
        codes=("LD08", "SA06", "DG04"),
        when=("W MO-SU 00:00-23:59",),
        how="online",
    ),
    T(
        key="familie-verslaving",
        names=("Steungroep voor naasten van verslaafden",),
        texts=(
            "Heeft iemand in uw familie een verslaving? Dat is zwaar. In deze groep leert u grenzen stellen "
            "en beter voor uzelf te zorgen.",
        ),
        codes=("LD08", "LD05", "SA03", "DG06"),
        when=("W2 MO 19:30-21:30",),
        how="aanmelden",
    ),
    T(
        key="preventie-jongeren",
        names=("Spreekuur jongeren, alcohol en drugs",),
        texts=(
            "Vragen over alcohol, blowen, lachgas of gamen? Praat erover met een preventiewerker, zonder oordeel. "
            "Ook ouders zijn welkom met hun vragen.",
        ),
        codes=("LD08", "SA06", "DG02", "DG03"),
        when=("W WE 15:00-17:00 inloop",),
        je=True,
    ),
    T(
        key="gokspreekuur",
        names=("Spreekuur gokken en gamen",),
        texts=(
            "Gokt of gamet u meer dan u wilt? Of heeft u daardoor geldproblemen? Op dit spreekuur krijgt u advies. "
            "We kijken ook samen naar uw schulden.",
        ),
        codes=("LD08", "LD01", "SA01", "DG04", "DG02"),
        when=("M 2TH 16:00-18:00 inloop",),
    ),
    T(
        key="stoppen-met-roken",
        names=("Samen stoppen met roken",),
        texts=(
            "Stoppen met roken lukt beter samen. In zeven bijeenkomsten krijgt u steun van een coach en de groep. "
            "De zorgverzekering betaalt de cursus.",
        ),
        codes=("LD08", "LD07", "SA02", "DG04"),
        when=("C7 MO 19:00-20:30",),
        how="aanmelden",
    ),
    T(
        key="zelfhulp-alcohol",
        names=("Zelfhulpgroep Nuchter Verder",),
        texts=(
            "Mensen die willen stoppen met drinken steunen elkaar. De groep is anoniem en er is geen begeleider. "
            "U kunt gewoon binnenlopen.",
        ),
        codes=("LD08", "SA03", "DG04"),
        when=("W MO 20:00-21:30", "W TH 20:00-21:30"),
    ),
    T(
        key="dagactiviteiten-verslaving",
        names=("Dagactiviteiten na verslaving",),
        texts=(
            "Bent u gestopt met drinken of drugs? Een vaste dagbesteding helpt om niet terug te vallen. "
            "U werkt in de keuken, de fietsenmakerij of de tuin.",
        ),
        codes=("LD08", "LD03", "SA07", "DG04"),
        when=("W MO-FR 09:00-15:00",),
        how="intake",
    ),
    T(
        key="maaltijd-aan-huis",
        names=("Maaltijd aan huis",),
        texts=(
            "Kunt u niet meer zelf koken? Wij brengen elke dag een verse warme maaltijd bij u thuis. "
            "Ook met een dieet, zoals zoutarm of diabetes.",
        ),
        codes=("LD09", "SA08", "DG05"),
        when=("W MO-SU 11:00-13:00",),
        cost="7.50|per maaltijd",
        how="bellen",
    ),
    T(
        key="personenalarmering",
        names=("Personenalarmering",),
        texts=(
            "Met een alarmknop om uw pols of nek roept u hulp in als u valt of onwel wordt. "
            "Een centrale is dag en nacht bereikbaar en belt uw contactpersoon of de ambulance.",
        ),
        codes=("LD09", "LD07", "SA08", "DG05"),
        when=("W MO-SU 00:00-23:59",),
        cost="19.95|per maand",
        how="aanmelden",
    ),
    T(
        key="wasservice",
        names=("Was- en strijkservice",),
        texts=(
            "Wij halen uw was op, wassen en strijken hem en brengen hem weer terug. Handig als wassen zelf "
            "niet meer lukt.",
        ),
        codes=("LD09", "LD10", "SA08", "DG05"),
        when=("W TU,FR 09:00-12:00",),
        cost="6|per tas",
        how="bellen",
    ),
    T(
        key="hulpmiddelen-uitleen",
        names=("Uitleenpunt zorghulpmiddelen",),
        texts=(
            "Heeft u tijdelijk een rolstoel, krukken of een douchestoel nodig? Leen ze bij het uitleenpunt. "
            "De eerste zes weken zijn gratis.",
        ),
        codes=("LD09", "LD07", "SA08", "DG05", "DG04"),
        when=("W MO-FR 09:00-12:30",),
    ),
    T(
        key="koken-voor-een",
        names=("Kookcursus: koken voor één",),
        texts=(
            "Koken voor uzelf is soms lastig of niet leuk. In deze cursus leert u makkelijke, gezonde gerechten maken. "
            "Daarna eet u samen op.",
        ),
        codes=("LD09", "LD11", "SA02", "DG05"),
        when=("C6 TH 16:00-19:00",),
        cost="3|per les",
        how="aanmelden",
    ),
    T(
        key="kookcafe",
        names=("Kookcafé: samen koken en eten",),
        texts=(
            "Elke week koken buurtbewoners samen een maaltijd uit een ander land. Iedereen helpt mee en daarna "
            "eten we samen. Een goede manier om nieuwe mensen te leren kennen.",
        ),
        codes=("LD09", "LD11", "SA05", "DG04"),
        when=("W WE 16:00-19:30",),
        cost="4|per maaltijd",
        talen=("ar", "en"),
    ),
)
