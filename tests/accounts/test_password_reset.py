import re

import pytest
from django.core import mail
from django.test import Client

from accounts.models import User

pytestmark = pytest.mark.django_db


def test_a_forgotten_password_is_reset_through_a_link_sent_by_email(stakeholder: User) -> None:
    client = Client()

    response = client.post("/accounts/password-reset/", {"email": stakeholder.email})

    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [stakeholder.email]
    link = re.search(r"http://testserver(/accounts/reset/\S+/)", message.body)
    assert link, message.body
    form_page = client.get(link.group(1), follow=True)
    assert form_page.status_code == 200
    new = "a new long passphrase 2026"
    response = client.post(form_page.redirect_chain[-1][0], {"new_password1": new, "new_password2": new})
    assert response.status_code == 302
    stakeholder.refresh_from_db()
    assert stakeholder.check_password(new)


def test_an_unknown_address_gets_the_same_answer_and_no_email() -> None:
    response = Client().post("/accounts/password-reset/", {"email": "nobody@example.org"})

    assert response.status_code == 302
    assert mail.outbox == []
