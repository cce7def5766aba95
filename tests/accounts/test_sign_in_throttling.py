import pytest
from django.test import Client, override_settings

from accounts.models import User

pytestmark = pytest.mark.django_db


def attempt(client: Client, email: str, password: str, address: str = "203.0.113.7") -> int:
    return client.post(
        "/accounts/login/", {"username": email, "password": password}, REMOTE_ADDR=address
    ).status_code


@override_settings(LOGIN_FAILURE_LIMIT=3)
def test_after_repeated_failures_even_the_right_password_is_refused_for_a_while(
    stakeholder: User, password: str
) -> None:
    client = Client()
    assert [attempt(client, stakeholder.email, "guess") for _ in range(3)] == [200, 200, 200]

    response = client.post(
        "/accounts/login/",
        {"username": stakeholder.email.upper(), "password": password},
        REMOTE_ADDR="203.0.113.7",
    )

    assert response.status_code == 429
    assert "Too many failed attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


@override_settings(LOGIN_FAILURE_LIMIT=3)
def test_the_lock_holds_for_one_address_and_one_client_only(
    stakeholder: User, focal_point: User, password: str
) -> None:
    for _ in range(3):
        attempt(Client(), stakeholder.email, "guess")

    assert attempt(Client(), focal_point.email, password) == 302
    assert attempt(Client(), stakeholder.email, password, address="198.51.100.9") == 302


@override_settings(LOGIN_FAILURE_LIMIT=3)
def test_a_successful_sign_in_forgets_earlier_failures(stakeholder: User, password: str) -> None:
    client = Client()
    attempt(client, stakeholder.email, "guess")
    attempt(client, stakeholder.email, "guess")
    assert attempt(client, stakeholder.email, password) == 302
    client.logout()

    assert [attempt(client, stakeholder.email, "guess") for _ in range(2)] == [200, 200]
    assert attempt(client, stakeholder.email, password) == 302
