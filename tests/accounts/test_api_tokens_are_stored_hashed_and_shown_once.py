# SPDX-License-Identifier: EUPL-1.2
"""A token's secret exists in one place: the answer to the beheerder's form. The database holds its
SHA-256 and first characters only (not in the token row, not in the audit trail); the list, the revoke
page and the admin never show it; a token always expires, within the configured maximum."""

from __future__ import annotations

import datetime as dt
import hashlib
import re

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse

from tests import factories as f
from wijkteam.accounts.api_tokens import PREFIX_LENGTH, create_token
from wijkteam.accounts.models import ApiToken
from wijkteam.audit.models import Action, AuditEvent

pytestmark = pytest.mark.django_db


def _every_stored_text() -> str:
    """Every value of every row of the tables a token touches, as the database holds it."""
    texts = []
    with connection.cursor() as cursor:
        for table in (ApiToken._meta.db_table, AuditEvent._meta.db_table):
            cursor.execute(f"SELECT * FROM {table}")  # noqa: S608 - our own table names
            texts += [str(value) for row in cursor.fetchall() for value in row]
    return "\n".join(texts)


def test_the_database_holds_the_hash_never_the_secret(users, frozen_time):
    organisatie = f.OrganisatieFactory(naam="Woonstichting Voorbeeld")

    token, secret = create_token(organisatie, scopes=["signalen"], naam="Huurachterstanden", by=users.beheerder)

    assert re.fullmatch(r"wt_[A-Za-z0-9_-]{43}", secret)
    token.refresh_from_db()
    assert token.hash == hashlib.sha256(secret.encode()).hexdigest()
    assert token.prefix == secret[:PREFIX_LENGTH] and len(token.prefix) == 11
    assert token.verloopt_op - token.aangemaakt == dt.timedelta(days=365)
    assert token.scopes == ["signalen"] and token.aangemaakt_door == users.beheerder
    stored = _every_stored_text()
    assert secret not in stored and secret[PREFIX_LENGTH:] not in stored
    created = AuditEvent.objects.get(action=Action.CREATE, object_type="accounts.apitoken")
    assert (created.user_id, created.object_id, created.on_behalf_of) == (
        users.beheerder.pk, str(token.pk), "Woonstichting Voorbeeld")
    # Two tokens never share a secret.
    assert create_token(organisatie, scopes=["signalen"], naam="Tweede", by=users.beheerder)[1] != secret


@pytest.mark.parametrize(("kwargs", "melding"), [
    ({"scopes": []}, "Kies waarvoor de sleutel gebruikt mag worden."),
    ({"scopes": ["alles"]}, "Kies waarvoor de sleutel gebruikt mag worden."),
    ({"naam": "  "}, "Geef de sleutel een naam."),
    ({"valid_days": 0}, "Een sleutel is 1 tot 366 dagen geldig."),
    ({"valid_days": 367}, "Een sleutel is 1 tot 366 dagen geldig."),
])
def test_a_token_without_purpose_name_or_end_is_not_made(users, kwargs, melding):
    arguments = {"scopes": ["signalen"], "naam": "Koppeling", "valid_days": 30, **kwargs}
    with pytest.raises(ValidationError) as refused:
        create_token(f.OrganisatieFactory(), by=users.beheerder, **arguments)
    assert refused.value.messages == [melding]
    assert not ApiToken.objects.exists()


def test_the_beheerder_sees_the_secret_once(users, client_for, frozen_time, settings):
    settings.WIJKTEAM_API_TOKEN_MAX_DAYS = 400
    organisatie = f.OrganisatieFactory(naam="Voorbeeld Water")
    client = client_for(users.beheerder)

    response = client.post(reverse("accounts:api_token_create"), {
        "organisatie": str(organisatie.pk), "naam": "Incassosysteem", "scope": "signalen", "geldig_dagen": "400"})

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    page = response.content.decode()
    token = ApiToken.objects.get()
    secret = re.search(r'value="(wt_[A-Za-z0-9_-]{43})"', page).group(1)
    assert hashlib.sha256(secret.encode()).hexdigest() == token.hash
    assert "Kopieer de sleutel nu. U ziet hem hierna nooit meer" in page
    assert token.verloopt_op - token.aangemaakt == dt.timedelta(days=400)

    later = [client.get(reverse("accounts:api_tokens")),
             client.get(reverse("accounts:api_tokens") + f"?organisatie={organisatie.pk}"),
             client.get(reverse("accounts:api_token_revoke", args=[token.pk])),
             client.get(reverse("admin:accounts_apitoken_changelist")),
             client.get(reverse("admin:accounts_apitoken_change", args=[token.pk]))]
    for answer in later:
        assert answer.status_code == 200
        text = answer.content.decode()
        assert secret not in text and secret[PREFIX_LENGTH:] not in text
    assert token.prefix in later[0].content.decode() and "Incassosysteem" in later[0].content.decode()


def test_a_form_with_mistakes_makes_no_token(users, client_for, frozen_time):
    client = client_for(users.beheerder)

    response = client.post(reverse("accounts:api_token_create"), {
        "organisatie": "999999999999999999999", "naam": "", "scope": "alles", "geldig_dagen": "367"})

    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors == {
        "organisatie": ["Selecteer een geldige keuze. 999999999999999999999 is geen beschikbare keuze."],
        "naam": ["Dit veld is verplicht."],
        "scope": ["Selecteer een geldige keuze. alles is geen beschikbare keuze."],
        "geldig_dagen": ["Een sleutel is hoogstens 366 dagen geldig."],
    }
    assert not ApiToken.objects.exists()
