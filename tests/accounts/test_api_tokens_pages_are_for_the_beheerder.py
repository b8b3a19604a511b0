# SPDX-License-Identifier: EUPL-1.2
"""Only the functioneel beheerder manages API tokens: the list (per organisation), a new token and
revoking one. Others get 403 (audited), anonymous visitors the login page; revoking is for good."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests import factories as f
from wijkteam.accounts.api_tokens import create_token
from wijkteam.accounts.models import ApiToken
from wijkteam.audit.models import Action, AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def token(users, frozen_time):
    return create_token(users.partner.organisatie, scopes=["signalen"], naam="Koppeling", by=users.beheerder)[0]


def _urls(token):
    return [reverse("accounts:api_tokens"), reverse("accounts:api_token_create"),
            reverse("accounts:api_token_revoke", args=[token.pk])]


@pytest.mark.parametrize("role", ["medewerker", "teamleider", "partner", "analist", "privacy"])
def test_nobody_else_may_open_the_token_pages(users, client_for, token, role):
    user = getattr(users, role)
    client = client_for(user)
    for url in _urls(token):
        assert client.get(url).status_code == 403, url
    assert client.post(reverse("accounts:api_token_revoke", args=[token.pk])).status_code == 403
    assert client.post(reverse("accounts:api_token_create"), {
        "organisatie": str(token.organisatie_id), "naam": "Eigen sleutel", "scope": "signalen",
        "geldig_dagen": "30"}).status_code == 403
    assert AuditEvent.objects.filter(action=Action.DENIED, user_id=user.pk).count() == 5
    token.refresh_from_db()
    assert token.ingetrokken_op is None and ApiToken.objects.count() == 1


def test_anonymous_visitors_are_sent_to_the_login_page(client, token):
    for url in _urls(token):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login")), url


def test_the_beheerder_revokes_a_token_for_good(users, client_for, token):
    client = client_for(users.beheerder)
    page = client.get(reverse("accounts:api_token_revoke", args=[token.pk]))
    assert page.status_code == 200 and "Na het intrekken werkt de sleutel meteen niet meer" in page.content.decode()

    response = client.post(reverse("accounts:api_token_revoke", args=[token.pk]), follow=True)

    token.refresh_from_db()
    assert token.ingetrokken_op is not None and token.ingetrokken_door == users.beheerder
    assert response.redirect_chain[-1][0] == reverse("accounts:api_tokens") + f"?organisatie={token.organisatie_id}"
    assert "is ingetrokken. Hij werkt niet meer." in response.content.decode()
    assert "ingetrokken" in response.content.decode()
    revoked = AuditEvent.objects.get(action=Action.UPDATE, object_type="accounts.apitoken")
    assert (revoked.user_id, revoked.object_id, revoked.detail["ingetrokken"]) == (users.beheerder.pk,
                                                                                   str(token.pk), True)
    # Again: nothing changes, nothing more on the trail.
    first_moment = token.ingetrokken_op
    again = client.post(reverse("accounts:api_token_revoke", args=[token.pk]), follow=True)
    assert "Deze sleutel was al ingetrokken." in again.content.decode()
    token.refresh_from_db()
    assert token.ingetrokken_op == first_moment
    assert AuditEvent.objects.filter(action=Action.UPDATE, object_type="accounts.apitoken").count() == 1


def test_the_list_shows_tokens_per_organisation_in_few_queries(users, client_for, token,
                                                                django_assert_max_num_queries):
    other = f.OrganisatieFactory(naam="Aaa Energie")
    for n in range(8):
        create_token(other if n % 2 else users.partner.organisatie, scopes=["signalen"], naam=f"Sleutel {n}",
                     by=users.beheerder)
    client = client_for(users.beheerder)
    with django_assert_max_num_queries(14):
        response = client.get(reverse("accounts:api_tokens"))
    page = response.content.decode()
    assert page.index("Aaa Energie") < page.index(users.partner.organisatie.naam)
    assert page.count("Intrekken</a>") == 9
    only = client.get(reverse("accounts:api_tokens") + f"?organisatie={other.pk}").content.decode()
    assert only.count("Intrekken</a>") == 4
    assert AuditEvent.objects.filter(action=Action.READ, object_type="accounts.apitoken",
                                     user_id=users.beheerder.pk).count() == 2


def test_the_admin_revokes_but_neither_adds_nor_deletes(users, client_for, token):
    client = client_for(users.beheerder)
    changelist = reverse("admin:accounts_apitoken_changelist")
    assert client.get(reverse("admin:accounts_apitoken_add")).status_code == 403
    response = client.post(changelist, {"action": "revoke", "_selected_action": [token.pk]}, follow=True)
    assert response.status_code == 200
    token.refresh_from_db()
    assert token.ingetrokken_op is not None and token.ingetrokken_door == users.beheerder
    assert client.get(reverse("admin:accounts_apitoken_delete", args=[token.pk])).status_code == 403
