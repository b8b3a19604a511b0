# SPDX-License-Identifier: EUPL-1.2
"""Service templates about money (LD01), work and learning (LD02): texts in B1 Dutch."""

from __future__ import annotations

from .spec import Template as T

INKOMEN = "Bewijs van uw inkomen: loonstrook of uitkeringsspecificatie"
VASTE_LASTEN = "Overzicht van uw vaste lasten, zoals huur en energie"
ID = "Geldig identiteitsbewijs"

TEMPLATES: tuple[T, ...] = (
    T(
        key="geldspreekuur",
        names=("Geldspreekuur {wijk}", "Inloopspreekuur geldzaken {wijk}"),
        texts=(
            "Heeft u vragen over geld, rekeningen of schulden? Kom naar het geldspreekuur in {plek}. "
            "Een medewerker kijkt samen met u naar uw post. Samen zoeken we een oplossing.",
            "Loopt u achter met betalen of begrijpt u een brief niet? Op het spreekuur in {plek} helpen we u verder. "
            "Neem uw post en uw bankafschriften mee.",
        ),
        codes=("LD01", "SA01", "DG04"),
        when=("W TU 09:30-11:30 inloop", "W TH 13:30-15:30 inloop", "W MO 10:00-12:00 inloop"),
    ),
    T(
        key="schuldhulpverlening",
        names=("Schuldhulpverlening", "Hulp bij schulden"),
        texts=(
            "Heeft u schulden die u niet meer zelf kunt betalen? De schuldhulpverlener maakt met u een plan. "
            "We nemen contact op met de mensen aan wie u geld moet betalen. Zo krijgt u weer rust.",
            "Schulden geven veel stress. Samen met u zetten we alles op een rij. "
            "Daarna zoeken we naar een regeling die u kunt betalen.",
        ),
        codes=("LD01", "SA07", "DG04"),
        when=("W MO-FR 09:00-17:00 afspraak", "W MO-TH 08:30-16:30 afspraak"),
        how="intake",
        docs=(INKOMEN, "Brieven van de mensen of bedrijven aan wie u geld moet betalen", ID),
    ),
    T(
        key="grip-op-je-geld",
        names=("Grip op je geld", "Cursus Grip op je geld"),
        texts=(
            "In vier avonden leer je hoe je je geld beter kunt regelen. Je maakt een eigen begroting. "
            "Je krijgt tips om te besparen. Je leert van de andere deelnemers.",
            "Wil je meer overzicht over je geld? In deze cursus maak je een overzicht van je inkomsten en uitgaven. "
            "Je leert hoe je post en rekeningen bijhoudt.",
        ),
        codes=("LD01", "SA02", "DG04"),
        when=("C4 TU 19:00-21:00", "C4 WE 13:30-15:30", "C5 TH 19:00-21:00"),
        cost="10|per cursus (werkboek)|pas",
        how="aanmelden",
        je=True,
    ),
    T(
        key="betalingsachterstand",
        names=("Vroeg erbij: hulp bij een betalingsachterstand", "Hulp bij een achterstand in huur of energie"),
        texts=(
            "Heeft u een achterstand in de huur, de zorgverzekering of de energie? Wij nemen snel contact met u op. "
            "Zo voorkomen we dat de schuld groter wordt. Het gesprek is bij u thuis of op kantoor.",
            "Als u een rekening niet kunt betalen, krijgt u misschien een brief of een bezoek van ons. "
            "We helpen u op tijd, voordat de problemen groot worden.",
        ),
        codes=("LD01", "LD04", "SA07", "DG04"),
        when=("W MO-FR 09:00-17:00 afspraak",),
        how="afspraak",
    ),
    T(
        key="ondernemers-spreekuur",
        names=("Spreekuur voor ondernemers met geldzorgen",),
        texts=(
            "Heeft u een eigen bedrijf en loopt het financieel niet goed? Een ervaren adviseur denkt met u mee. "
            "We kijken naar uw bedrijf en naar uw eigen geld.",
        ),
        codes=("LD01", "LD02", "SA01", "DG04"),
        when=("M 1WE 16:00-18:00 afspraak", "M 3TH 09:00-11:00 afspraak"),
        how="afspraak",
    ),
    T(
        key="formulierenbrigade",
        names=("Formulierenbrigade {wijk}", "Hulp bij formulieren {wijk}"),
        texts=(
            "Moet u een formulier invullen en lukt dat niet goed? De vrijwilligers van de formulierenbrigade "
            "helpen u. Bijvoorbeeld met toeslagen, de kwijtschelding van belastingen of een aanvraag bij de gemeente.",
            "Vindt u formulieren lastig? Kom langs in {plek}. Een vrijwilliger leest met u mee en helpt u met "
            "invullen.",
        ),
        codes=("LD01", "LD10", "SA01", "DG04", "DG05", "DG07"),
        when=("W WE 09:30-12:00 inloop", "W MO 13:30-16:00 inloop", "W FR 10:00-12:00 inloop"),
        talen=("en", "ar", "tr"),
    ),
    T(
        key="thuisadministratie",
        names=("Thuisadministratie", "Hulp bij je administratie thuis"),
        texts=(
            "Een vrijwilliger komt bij u thuis en helpt u uw papieren te ordenen. "
            "Samen maakt u een overzicht van rekeningen en inkomsten. Zo houdt u het daarna zelf bij.",
            "Ligt de post al een tijdje ongeopend? Een getrainde vrijwilliger helpt u thuis met uw administratie. "
            "De hulp duurt ongeveer een jaar.",
        ),
        codes=("LD01", "LD10", "SA04", "DG04", "DG05"),
        when=("W MO-FR 09:00-17:00 afspraak",),
        how="intake",
    ),
    T(
        key="geldmaatje",
        names=("Geldmaatje", "Maatje voor je geldzaken"),
        texts=(
            "Een geldmaatje is een vrijwilliger die u steunt als u schulden heeft. Hij of zij gaat mee naar "
            "afspraken en helpt u met de post. U staat er niet meer alleen voor.",
        ),
        codes=("LD01", "LD11", "SA04", "DG04"),
        when=("W MO-FR 09:00-17:00 afspraak",),
        how="intake",
    ),
    T(
        key="sociaal-raadslieden",
        names=("Sociaal raadslieden spreekuur {wijk}", "Spreekuur sociaal raadslieden {wijk}"),
        texts=(
            "Heeft u een vraag over geld, wetten of regels? De sociaal raadslieden geven gratis advies. "
            "Ze helpen met toeslagen, uitkeringen, belastingen en brieven van instanties.",
            "Krijgt u een brief van een instantie en weet u niet wat u moet doen? De sociaal raadsman of "
            "raadsvrouw legt het uit en helpt u met bezwaar maken.",
        ),
        codes=("LD01", "LD12", "SA06", "DG04"),
        when=(
            "W TU 09:00-12:00 inloop; W TH 13:00-16:00 afspraak", "W MO 13:00-16:00 inloop", "W WE 09:00-12:00 inloop",
        ),
        talen=("en", "tr"),
    ),
    T(
        key="toeslagen-check",
        names=("Toeslagencheck", "Krijgt u alles waar u recht op heeft?"),
        texts=(
            "Veel mensen krijgen minder toeslag of vergoeding dan waar ze recht op hebben. "
            "In een gesprek van een half uur kijken we samen naar uw situatie. U hoort meteen wat u kunt aanvragen.",
        ),
        codes=("LD01", "SA06", "DG04", "DG05"),
        when=("W WE 13:00-16:00 afspraak",),
        how="afspraak",
        docs=(INKOMEN,),
    ),
    T(
        key="belastinghulp",
        names=("Hulp bij de belastingaangifte", "Belastingspreekuur"),
        texts=(
            "In het voorjaar helpen vrijwilligers u met de aangifte inkomstenbelasting. "
            "Ze kijken ook of u toeslagen kunt aanvragen. Neem uw DigiD en uw jaaropgaven mee.",
            "Vindt u de belastingaangifte lastig? Een vrijwilliger vult hem samen met u in. "
            "Dit kan alleen als uw inkomen niet te hoog is.",
        ),
        codes=("LD01", "LD10", "SA01", "DG04", "DG05"),
        when=("S MO,WE 09:30-12:00 afspraak",),
        how="afspraak",
        docs=("Uw DigiD-inlog", "Jaaropgaven van uw werk, uitkering of pensioen", ID),
        voor="Voor inwoners met een inkomen tot 130% van het sociaal minimum.",
    ),
    T(
        key="voedselbank",
        names=("Voedselbank uitgiftepunt {wijk}", "Uitgiftepunt voedselbank {wijk}"),
        texts=(
            "Heeft u te weinig geld voor eten? Bij de voedselbank krijgt u elke week een pakket met boodschappen. "
            "U haalt het pakket op in {plek}. Eerst kijken we of u recht heeft op hulp.",
            "De voedselbank geeft wekelijks een pakket met eten en producten voor de verzorging. "
            "Vrijwilligers delen de pakketten uit. Zij helpen u graag verder.",
        ),
        codes=("LD01", "LD09", "SA08", "DG03", "DG04"),
        when=("W FR 13:00-15:00", "W TH 14:00-16:00", "W SA 10:00-12:00"),
        how="verwijzing",
        docs=(INKOMEN, VASTE_LASTEN, ID),
        voor="Voor huishoudens die na het betalen van de vaste lasten te weinig geld overhouden voor eten.",
        talen=("en", "ar", "uk", "pl"),
    ),
    T(
        key="kledingbank",
        names=("Kledingbank", "Gratis kleding bij de kledingbank"),
        texts=(
            "Bij de kledingbank kiest u gratis kleding en schoenen voor het hele gezin. "
            "Alle kleding is schoon en heel. U kunt vier keer per jaar komen.",
            "Heeft u weinig geld voor kleding? In de kledingbank zoekt u zelf kleding uit voor uzelf en uw kinderen.",
        ),
        codes=("LD01", "SA08", "DG03", "DG04"),
        when=("W WE 13:00-16:00 afspraak", "W2 SA 10:00-13:00 afspraak"),
        how="verwijzing",
        docs=("Verwijsbrief van een hulpverlener of het wijkteam",),
    ),
    T(
        key="speelgoedbank",
        names=("Speelgoedbank",),
        texts=(
            "Kinderen uit gezinnen met weinig geld mogen bij de speelgoedbank gratis speelgoed uitkiezen. "
            "Voor een verjaardag of zomaar. Al het speelgoed is gecontroleerd en compleet.",
        ),
        codes=("LD01", "LD03", "SA08", "DG01", "DG03"),
        when=("M 1SA 10:00-12:00 afspraak",),
        how="verwijzing",
    ),
    T(
        key="meedoenfonds",
        names=("Meedoenfonds: sport en cultuur voor ieder kind", "Meedoenfonds Voorbeeld"),
        texts=(
            "Het Meedoenfonds betaalt de contributie van een sportclub, muziekles of dansles. "
            "Zo kan ieder kind meedoen, ook als er thuis weinig geld is. Een hulpverlener of leraar vraagt het "
            "voor u aan.",
        ),
        codes=("LD01", "LD03", "LD12", "SA08", "DG01", "DG02", "DG03"),
        when=("W MO-TH 09:00-13:00 afspraak",),
        how="verwijzing",
        voor="Voor kinderen van 4 tot 18 jaar in gezinnen met een laag inkomen.",
        ages=(4, 18),
    ),
    T(
        key="schoolspullen",
        names=("Schoolspullen voor ieder kind",),
        texts=(
            "Heeft uw kind een laptop, fiets of schoolspullen nodig en is daar geen geld voor? "
            "De stichting betaalt of regelt het. Een vrijwilliger komt bij u thuis om te kijken wat nodig is.",
        ),
        codes=("LD01", "LD02", "SA08", "DG01", "DG02", "DG03"),
        when=("W MO-FR 09:00-17:00 afspraak",),
        how="aanmelden",
        voor="Voor gezinnen met een inkomen tot 120% van het sociaal minimum.",
        ages=(4, 18),
    ),
    T(
        key="energiecoach",
        names=("Energiecoach aan huis", "Energiecoach: lagere energierekening"),
        texts=(
            "Is uw energierekening hoog? Een energiecoach komt gratis bij u thuis. "
            "Hij of zij geeft tips om energie te besparen en brengt kleine spullen mee, zoals tochtstrips en "
            "ledlampen.",
            "De energiecoach kijkt samen met u waar u energie verliest. U krijgt advies dat u meteen kunt gebruiken.",
        ),
        codes=("LD01", "LD04", "SA07", "DG04", "DG05"),
        when=("W MO-FR 09:00-17:00 afspraak",),
        how="aanmelden",
        talen=("en", "tr", "ar"),
    ),
    T(
        key="energiebox",
        names=("Gratis energiebox",),
        texts=(
            "Met de energiebox bespaart u direct op uw energierekening. In de box zitten onder andere ledlampen, "
            "tochtstrips en een waterbesparende douchekop. U haalt de box op of we brengen hem bij u thuis.",
        ),
        codes=("LD01", "LD04", "SA08", "DG04"),
        when=("W TH 10:00-12:00",),
        how="aanmelden",
    ),
    T(
        key="energiecafe",
        names=("Energiecafé",),
        texts=(
            "In het energiecafé krijgt u antwoord op vragen over uw energiecontract, de rekening en besparen. "
            "Neem uw laatste jaarafrekening mee.",
        ),
        codes=("LD04", "LD01", "SA06", "DG04", "DG05"),
        when=("M 2SA 10:00-12:00 inloop", "MD 10 19:00-21:00 inloop"),
    ),
    T(
        key="dierenvoedselbank",
        names=("Dierenvoedselbank",),
        texts=(
            "Heeft u een huisdier en weinig geld? Bij de dierenvoedselbank krijgt u één keer per maand voer "
            "voor uw hond, kat of konijn.",
        ),
        codes=("LD01", "SA08", "DG04"),
        when=("M 2SA 11:00-13:00",),
        how="verwijzing",
        docs=(INKOMEN,),
    ),
    T(
        key="weggeefwinkel",
        names=("Weggeefwinkel De Overvloed",),
        texts=(
            "In de weggeefwinkel mag u gratis spullen meenemen: huisraad, boeken, speelgoed en kleding. "
            "U mag ook spullen brengen die u niet meer nodig heeft. Per bezoek neemt u maximaal drie dingen mee.",
        ),
        codes=("LD01", "LD03", "SA08", "DG04"),
        when=("W WE 13:00-16:00; W SA 10:00-13:00",),
    ),
    T(
        key="babyspullen",
        names=("Babypakket voor ouders met weinig geld",),
        texts=(
            "Krijg je een baby en heb je weinig geld? Je krijgt een pakket met kleding, luiers, een badje en meer. "
            "Een verloskundige of hulpverlener meldt je aan.",
        ),
        codes=("LD01", "LD05", "SA08", "DG03", "DG01"),
        when=("W MO-FR 10:00-16:00 afspraak",),
        how="verwijzing",
        je=True,
    ),
    T(
        key="sinterklaas",
        names=("Sinterklaascadeau voor ieder kind",),
        texts=(
            "Elk jaar krijgen kinderen uit gezinnen met weinig geld een sinterklaascadeau. "
            "Ouders melden hun kind vóór half november aan. Het cadeau wordt thuis bezorgd.",
        ),
        codes=("LD01", "LD03", "SA08", "DG01"),
        when=("W MO-FR 09:00-17:00 afspraak",),
        how="aanmelden",
        ages=(0, 12),
    ),
    T(
        key="dagje-uit",
        names=("Dagje uit voor gezinnen",),
        texts=(
            "Een dagje naar de dierentuin of het strand is niet voor iedereen vanzelfsprekend. "
            "Wij organiseren uitjes voor gezinnen met weinig geld. Vervoer en entree zijn gratis.",
        ),
        codes=("LD03", "LD01", "LD11", "SA08", "DG03", "DG01"),
        when=("M 2SA 09:00-17:00",),
        how="aanmelden",
    ),
    T(
        key="geldcursus-jongeren",
        names=("Geldcursus voor jongeren",),
        texts=(
            "Word je 18 of woon je net op jezelf? In drie middagen leer je hoe je zorgverzekering, toeslagen "
            "en huur regelt. En hoe je voorkomt dat je schulden krijgt.",
        ),
        codes=("LD01", "LD02", "SA02", "DG02"),
        when=("C3 WE 15:00-17:00",),
        how="aanmelden",
        je=True,
        ages=(16, 23),
    ),
    # --- Work and learning ---------------------------------------------------------------------
    T(
        key="werkcafe",
        names=("Werkcafé {wijk}", "Inloop werkcoach {wijk}"),
        texts=(
            "Zoekt u werk of wilt u ander werk? In het werkcafé praat u met een werkcoach. "
            "U krijgt hulp met uw cv en tips voor een sollicitatie. U ontmoet er ook andere werkzoekenden.",
            "Een werkcoach helpt u op weg naar werk, een opleiding of vrijwilligerswerk. "
            "Kom langs met uw vraag, ook als u nog niet weet wat u wilt.",
        ),
        codes=("LD02", "SA01", "DG04"),
        when=("W TU 10:00-12:00 inloop", "W WE 13:30-15:30 inloop", "W TH 09:30-11:30 inloop"),
        talen=("en", "pl"),
    ),
    T(
        key="jongerenloket",
        names=("Jongerenloket: werk, school of inkomen", "Jongerenloket"),
        texts=(
            "Ben je tussen de 16 en 27 jaar en weet je even niet verder met school, werk of geld? "
            "Bij het jongerenloket zoeken we samen met jou naar een plan. Je hebt één vaste contactpersoon.",
        ),
        codes=("LD02", "LD01", "SA06", "DG02"),
        when=("W MO-FR 09:00-17:00 afspraak; W WE 13:00-17:00 inloop",),
        how="afspraak",
        je=True,
        ages=(16, 27),
    ),
    T(
        key="sollicitatietraining",
        names=("Sollicitatietraining", "Training solliciteren"),
        texts=(
            "In vijf bijeenkomsten leert u een goede brief schrijven en oefent u een sollicitatiegesprek. "
            "U werkt in een kleine groep. Aan het eind heeft u een nieuw cv.",
        ),
        codes=("LD02", "SA02", "DG04"),
        when=("C5 MO 09:30-12:00", "C5 TH 13:00-15:30"),
        how="aanmelden",
    ),
    T(
        key="leerwerkplek",
        names=("Leerwerkplek in de kringloopwinkel",),
        texts=(
            "Wilt u weer wennen aan werken? In de kringloopwinkel leert u in uw eigen tempo. "
            "U werkt in de winkel, het magazijn of de werkplaats. Een begeleider helpt u bij elke stap.",
        ),
        codes=("LD02", "LD03", "SA07", "DG04"),
        when=("W MO-FR 09:00-16:00",),
        how="verwijzing",
    ),
    T(
        key="werkplaats-dagbesteding",
        names=("Werkplaats: dagbesteding met houtbewerking",),
        texts=(
            "In de werkplaats maakt u meubels en speelgoed van oud hout. Het werk geeft structuur aan de dag. "
            "Er is altijd begeleiding aanwezig.",
        ),
        codes=("LD02", "LD03", "LD06", "SA07", "DG04"),
        when=("W MO-TH 09:00-15:30",),
        how="verwijzing",
    ),
    T(
        key="arbeidsrecht-spreekuur",
        names=("Spreekuur werk en recht",),
        texts=(
            "Heeft u een probleem met uw werkgever, uw contract of uw loon? Vrijwilligers met kennis van "
            "arbeidsrecht geven gratis advies. Neem uw contract en loonstroken mee.",
        ),
        codes=("LD02", "LD13", "SA06", "DG04"),
        when=("M 1TU 19:00-21:00 inloop", "M 3MO 19:00-21:00 inloop"),
        talen=("en", "pl"),
    ),
    T(
        key="poolse-werknemers",
        names=("Informatiespreekuur voor Poolse werknemers",),
        texts=(
            "Werkt u in Nederland en spreekt u Pools? Op dit spreekuur krijgt u uitleg over uw contract, "
            "huur, zorgverzekering en belastingen. De medewerkers spreken Pools en Nederlands.",
        ),
        codes=("LD02", "LD12", "SA06", "DG07", "DG04"),
        when=("M 2SA 11:00-14:00 inloop",),
        talen=("pl",),
    ),
    T(
        key="nt2-les",
        names=("Nederlandse les (NT2) in {wijk}", "NT2-les {wijk}"),
        texts=(
            "Wilt u beter Nederlands leren spreken, lezen en schrijven? In een kleine groep krijgt u les van een "
            "bevoegde docent. U oefent met situaties uit het dagelijks leven.",
            "Twee keer per week Nederlandse les, op uw eigen niveau. Na de les kunt u nog oefenen met een "
            "vrijwilliger.",
        ),
        codes=("LD02", "LD12", "SA02", "DG07"),
        when=("W MO,WE 09:30-11:30", "W TU,TH 19:00-21:00"),
        cost="25|per cursus|pas",
        how="intake",
        talen=("en", "ar", "uk", "ti"),
    ),
    T(
        key="taalpunt",
        names=("Taalpunt: beter lezen, schrijven en rekenen", "Taalhuis"),
        texts=(
            "Vindt u lezen, schrijven of rekenen moeilijk? U bent niet de enige. Bij het Taalpunt zoeken we samen "
            "een cursus of vrijwilliger die bij u past. Niemand hoeft het te weten.",
        ),
        codes=("LD02", "LD10", "SA06", "DG04"),
        when=("W WE 10:00-12:00 inloop",),
    ),
    T(
        key="huiswerkbegeleiding",
        names=("Huiswerkbegeleiding in {plek}", "Huiswerkklas {naam}"),
        texts=(
            "Heb je hulp nodig met je huiswerk? Vrijwilligers helpen je met rekenen, taal en plannen. "
            "Je werkt in een rustige ruimte. Er is ook wat te drinken.",
            "Na school kun je hier je huiswerk maken. Een vrijwilliger legt uit wat je niet snapt.",
        ),
        codes=("LD02", "SA04", "DG01", "DG02"),
        when=("W MO,TH 15:30-17:00", "W TU,WE 15:00-17:00"),
        how="aanmelden",
        je=True,
        ages=(8, 16),
    ),
    T(
        key="computercursus",
        names=("Computercursus voor beginners", "Cursus werken met de computer"),
        texts=(
            "Leer in zes lessen werken met de computer. U leert mailen, internetten en veilig inloggen. "
            "De groep is klein en de docent heeft geduld.",
        ),
        codes=("LD10", "LD02", "SA02", "DG05", "DG04"),
        when=("C6 TU 10:00-12:00", "C6 TH 14:00-16:00"),
        cost="15|per cursus|pas",
        how="aanmelden",
    ),
    T(
        key="vrijwilligerswerk-vinden",
        names=("Vrijwilligerscentrale: vrijwilligerswerk vinden", "Vrijwilligerscentrale"),
        texts=(
            "Wilt u vrijwilligerswerk doen? Bij de vrijwilligerscentrale vindt u honderden vacatures. "
            "Een consulent helpt u iets te kiezen dat bij u past. Vrijwilligerswerk is goed voor uw netwerk en "
            "ervaring.",
        ),
        codes=("LD12", "LD02", "LD03", "SA06", "DG04", "DG05"),
        when=("W MO-TH 10:00-13:00 inloop",),
    ),
)
