import pytest
from django.test import Client

from accounts.models import User

pytestmark = pytest.mark.django_db


def test_a_person_signs_in_with_their_email_address(co_lead: User, password: str) -> None:
    client = Client()

    response = client.post("/accounts/login/", {"username": "ALICE@example.org", "password": password})

    assert response.status_code == 302
    assert response["Location"] == "/"
    assert client.get("/").status_code == 200


def test_a_wrong_password_is_refused_with_a_message(co_lead: User) -> None:
    response = Client().post("/accounts/login/", {"username": co_lead.email, "password": "not it"})

    assert response.status_code == 200
    assert "Please enter a correct" in response.content.decode()


def test_the_dashboard_asks_anonymous_visitors_to_sign_in() -> None:
    response = Client().get("/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_signing_out_is_a_post_and_ends_the_session(stakeholder: User, client_for) -> None:
    client = client_for(stakeholder)

    assert client.get("/accounts/logout/").status_code == 405
    assert client.post("/accounts/logout/").status_code == 302
    assert client.get("/").status_code == 302


def test_the_login_page_renders_with_its_stylesheet_and_landmarks() -> None:
    html = Client().get("/accounts/login/").content.decode()

    assert '<link rel="stylesheet" href="/static/css/workbench.css">' in html
    assert 'class="skip-link" href="#main"' in html
    assert '<main id="main"' in html
    assert "<nav" in html and "<header" in html and "<footer" in html
