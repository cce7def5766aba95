import csv
import io
import json

import pytest
from django.test import Client

from accounts.models import User
from config.api import CSVRenderer

pytestmark = pytest.mark.django_db


def test_an_api_error_has_the_detail_and_code_shape() -> None:
    response = Client().get("/api/v1/me/")

    assert response.status_code == 401 and response["WWW-Authenticate"] == "Token"
    assert set(response.json()) == {"detail", "code"}
    assert response.json()["code"] == "not_authenticated"


def test_format_csv_renders_the_same_object_as_a_csv_row(focal_point: User, client_for) -> None:
    response = client_for(focal_point).get("/api/v1/me/?format=csv")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert rows[0]["email"] == "fiona@example.org"
    assert rows[0]["organisation.name"] == "Mexico"
    assert rows[0]["is_focal_point"] == "true"
    assert rows[0]["roles"] == "stakeholder"


def test_csv_rows_come_from_a_page_of_results_and_formulas_are_neutralised() -> None:
    page = {"count": 2, "results": [{"code": "=1+1", "tags": ["a", "b"]}, {"code": "10.7.2", "extra": None}]}

    text = CSVRenderer().render(page).decode()

    assert list(csv.reader(io.StringIO(text))) == [
        ["code", "tags", "extra"],
        ["'=1+1", "a; b", ""],
        ["10.7.2", "", ""],
    ]


def test_an_api_url_that_nothing_answers_gets_a_json_404_and_a_page_url_gets_html() -> None:
    api = Client().get("/api/v1/publications/not-a-version/")
    page = Client().get("/no-such-page/")

    assert api.status_code == page.status_code == 404
    assert api.json() == {"detail": "Not found.", "code": "not_found"}
    assert page["Content-Type"].startswith("text/html")


def test_a_server_error_under_the_api_is_json(rf) -> None:  # type: ignore[no-untyped-def]
    from config.errors import server_error

    api, page = server_error(rf.get("/api/v1/me/")), server_error(rf.get("/mapping/"))

    assert api.status_code == page.status_code == 500
    assert json.loads(api.content) == {"detail": "A server error occurred.", "code": "error"}
    assert page["Content-Type"].startswith("text/html")
