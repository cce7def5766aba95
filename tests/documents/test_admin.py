"""The admin lists documents and calendar tokens, read-only."""

from collections.abc import Callable

from django.test import Client
from django.urls import reverse

from accounts.models import User
from documents import services
from documents.choices import DocumentKind
from tests.factories.accounts import UserFactory
from tests.factories.documents import publication_of_size


def test_the_admin_shows_documents_and_tokens(
    db: None, co_lead: User, client_for: Callable[[User | None], Client]
) -> None:
    document = services.request_document(kind=DocumentKind.ANNEX, by=co_lead, publication=publication_of_size(1))
    services.calendar_token_of(user=co_lead)
    admin = client_for(UserFactory(is_staff=True, is_superuser=True))

    for name, args in [
        ("admin:documents_document_changelist", []),
        ("admin:documents_document_change", [document.pk]),
        ("admin:documents_calendartoken_changelist", []),
    ]:
        assert admin.get(reverse(name, args=args)).status_code == 200, name
    assert admin.get(reverse("admin:documents_document_add")).status_code == 403
