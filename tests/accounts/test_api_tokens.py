import pytest
from django.test import Client
from rest_framework.authtoken.models import Token

from accounts.models import User

pytestmark = pytest.mark.django_db


def api_get(key: str) -> int:
    return Client().get("/api/v1/me/", HTTP_AUTHORIZATION=f"Token {key}").status_code


def test_a_co_lead_issues_a_token_for_a_rest_client_shown_once_and_usable(
    co_lead: User, stakeholder: User, client_for
) -> None:
    page = client_for(co_lead).post("/accounts/api-tokens/issue/", {"email": stakeholder.email})

    token = Token.objects.get(user=stakeholder)
    assert token.key in page.content.decode()
    assert api_get(token.key) == 200
    assert token.key not in client_for(co_lead).get("/accounts/api-tokens/").content.decode()


def test_issuing_again_replaces_and_so_revokes_the_old_token(co_lead: User, stakeholder: User, client_for) -> None:
    client = client_for(co_lead)
    client.post("/accounts/api-tokens/issue/", {"email": stakeholder.email})
    old = Token.objects.get(user=stakeholder).key

    client.post("/accounts/api-tokens/issue/", {"email": stakeholder.email})

    assert api_get(old) == 401
    assert api_get(Token.objects.get(user=stakeholder).key) == 200


def test_a_co_lead_revokes_a_token_and_it_stops_working_at_once(
    co_lead: User, stakeholder: User, client_for
) -> None:
    key = Token.objects.create(user=stakeholder).key

    response = client_for(co_lead).post(f"/accounts/api-tokens/{stakeholder.pk}/revoke/", follow=True)

    assert "is revoked" in response.content.decode()
    assert api_get(key) == 401


def test_a_stakeholder_manages_only_their_own_token(stakeholder: User, outsider: User, client_for) -> None:
    client = client_for(stakeholder)
    other = Token.objects.create(user=outsider)

    client.post("/accounts/api-tokens/issue/", {"email": outsider.email}, follow=True)
    refused = client.post(f"/accounts/api-tokens/{outsider.pk}/revoke/", follow=True)
    client.post("/accounts/api-tokens/issue/")

    assert Token.objects.get(user=outsider).key == other.key
    assert "Only co-leads" in refused.content.decode()
    assert Token.objects.filter(user=stakeholder).exists()
    assert other.key[:6] not in client.get("/accounts/api-tokens/").content.decode()


def test_an_unknown_address_is_named_in_the_error(co_lead: User, client_for) -> None:
    response = client_for(co_lead).post("/accounts/api-tokens/issue/", {"email": "ghost@example.org"}, follow=True)

    assert "No account uses ghost@example.org" in response.content.decode()
    assert not Token.objects.exists()


def test_the_token_list_costs_the_same_queries_for_many_tokens(
    co_lead: User, client_for, django_assert_max_num_queries
) -> None:
    from tests.factories.accounts import UserFactory

    client = client_for(co_lead)
    Token.objects.create(user=UserFactory())
    with django_assert_max_num_queries(12) as few:
        client.get("/accounts/api-tokens/")
    for _ in range(20):
        Token.objects.create(user=UserFactory())
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/accounts/api-tokens/")
