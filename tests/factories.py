# SPDX-License-Identifier: EUPL-1.2
"""factory_boy factories with traits. Deterministic: Faker nl_NL with a fixed seed (see conftest)."""

from __future__ import annotations

import datetime as dt

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from wijkteam.accounts.models import Organisatie, OrganisatieSoort, Role, Team, User
from wijkteam.accounts.services import set_teams
from wijkteam.gebieden.models import Buurt, Gemeente, Wijk
from wijkteam.huishoudens.models import Adres, Doel, Huishouden, Persoon, Toestemming

factory.Faker._DEFAULT_LOCALE = "nl_NL"

# Valid BSNs (11-proef) used in tests; never real people's numbers.
TEST_BSNS = ["111222333", "123456782", "999999990"]
TEST_PASSWORD = "correct horse battery staple"


class GemeenteFactory(DjangoModelFactory):
    class Meta:
        model = Gemeente
        django_get_or_create = ["code"]

    code = "GM0999"
    naam = "Gemeente Voorbeeld"


class WijkFactory(DjangoModelFactory):
    class Meta:
        model = Wijk

    gemeente = factory.SubFactory(GemeenteFactory)
    code = factory.Sequence(lambda n: f"WK{(n // 100) % 10000:04d}{n % 100:02d}")
    naam = factory.Sequence(lambda n: f"Wijk {n}")


class BuurtFactory(DjangoModelFactory):
    class Meta:
        model = Buurt

    wijk = factory.SubFactory(WijkFactory)
    # 60-99: tests spell codes 01-59 out themselves (the place fixture's are 01), so a wrapped sequence never hits one
    code = factory.LazyAttributeSequence(lambda o, n: f"BU{o.wijk.code[2:]}{60 + n % 40:02d}")
    naam = factory.Sequence(lambda n: f"Buurt {n}")
    latitude = 52.09
    longitude = 5.12


class TeamFactory(DjangoModelFactory):
    class Meta:
        model = Team
        skip_postgeneration_save = True

    gemeente = factory.SubFactory(GemeenteFactory)
    naam = factory.Sequence(lambda n: f"Wijkteam {n}")

    @factory.post_generation
    def wijken(self, create: bool, extracted: list[Wijk] | None, **kwargs: object) -> None:
        if create and extracted:
            self.wijken.set(extracted)


class OrganisatieFactory(DjangoModelFactory):
    class Meta:
        model = Organisatie

    naam = factory.Sequence(lambda n: f"Stichting Welzijn {n}")
    soort = OrganisatieSoort.WELZIJN


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    email = factory.LazyAttribute(lambda o: f"{o.username}@voorbeeld.test")
    role = Role.MEDEWERKER
    password = factory.django.Password(TEST_PASSWORD)

    class Params:
        medewerker = factory.Trait(role=Role.MEDEWERKER)
        teamleider = factory.Trait(role=Role.TEAMLEIDER)
        partner = factory.Trait(role=Role.PARTNER, organisatie=factory.SubFactory(OrganisatieFactory))
        analist = factory.Trait(role=Role.ANALIST)
        privacy = factory.Trait(role=Role.PRIVACY)
        beheerder = factory.Trait(role=Role.BEHEERDER, is_staff=True, is_superuser=True)

    @factory.post_generation
    def teams(self, create: bool, extracted: list[Team] | None, **kwargs: object) -> None:
        if create and extracted:
            # Through the write path, as the admin and the demo: the user's team memberships and account history.
            set_teams(self, extracted, by=None)


class AdresFactory(DjangoModelFactory):
    class Meta:
        model = Adres

    postcode = factory.Sequence(lambda n: f"{3500 + n // 26} {chr(65 + n % 26)}B")
    huisnummer = factory.Sequence(lambda n: n % 200 + 1)
    straat = factory.Faker("street_name")
    woonplaats = "Voorbeeld"
    buurt = factory.SubFactory(BuurtFactory)


class HuishoudenFactory(DjangoModelFactory):
    class Meta:
        model = Huishouden

    adres = factory.SubFactory(AdresFactory)
    sinds = dt.date(2015, 3, 1)


class PersoonFactory(DjangoModelFactory):
    class Meta:
        model = Persoon
        skip_postgeneration_save = True

    huishouden = factory.SubFactory(HuishoudenFactory)
    voornamen = factory.Faker("first_name")
    voorletters = factory.LazyAttribute(lambda o: f"{o.voornamen[0]}.")
    achternaam = factory.Faker("last_name")
    geboortedatum = dt.date(1980, 5, 17)

    # Pass `bsn="111222333"` to store an (encrypted) BSN; see TEST_BSNS for valid test numbers.
    @factory.post_generation
    def bsn(self, create: bool, extracted: str | None, **kwargs: object) -> None:
        if extracted:
            self.set_bsn(extracted)
            if create:
                self.save(update_fields=["bsn_versleuteld", "bsn_hash"])


class ToestemmingFactory(DjangoModelFactory):
    class Meta:
        model = Toestemming

    persoon = factory.SubFactory(PersoonFactory)
    doel = Doel.GEGEVENS_DELEN_PARTNERS
    gegeven = True
    vastgelegd_door = factory.SubFactory(UserFactory)
    tijdstip = factory.LazyFunction(timezone.now)
