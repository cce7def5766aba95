"""Acceptance 5: crosswalk rows round-trip through export and import; imports are validated, then atomic."""

import io
from collections.abc import Callable

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from accounts.models import User
from mapping.models import Crosswalk, Framework, FrameworkElement, GcmObjective


def _download(client: Client, url: str, fmt: str) -> bytes:
    response = client.get(url, {"export": fmt})
    assert response.status_code == 200
    return b"".join(response.streaming_content) if response.streaming else response.content


def _upload(client: Client, url: str, name: str, content: bytes) -> object:
    return client.post(url, {"file": SimpleUploadedFile(name, content)})


def _rows(xlsx: bytes) -> list[tuple]:
    return list(load_workbook(io.BytesIO(xlsx), read_only=True).worksheets[0].iter_rows(values_only=True))


@pytest.fixture
def awkward_link(builtin_reference: None) -> Crosswalk:
    """A link whose text a spreadsheet would mangle: formula-like, quotes, commas, a line break, Arabic."""
    element = FrameworkElement.objects.get(framework__slug="mipex", code="HEA")
    return Crosswalk.objects.create(
        element=element,
        objective=GcmObjective.objects.get(number=22),
        relation="contributes_to",
        rationale='=SUM(A1) "quoted", with commas\nand a second line — حقوق المهاجرين',
        source="-starts with a minus",
    )


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_import_into_empty_database_export_again_is_identical(
    fmt: str, awkward_link: Crosswalk, co_lead: User, client_for: Callable[[User], Client]
) -> None:
    client = client_for(co_lead)
    url = reverse("mapping:crosswalk_list")
    first = _download(client, url, fmt)
    element_files = {
        slug: _download(client, reverse("mapping:framework_detail", args=[slug]), fmt)
        for slug in ["sdg-10-7-2", "iom-mgi", "mipex"]
    }
    Crosswalk.objects.all().delete()
    FrameworkElement.objects.filter(framework__slug__in=element_files).delete()

    for slug, content in element_files.items():
        response = _upload(client, reverse("mapping:framework_import", args=[slug]), f"{slug}.{fmt}", content)
        assert response.status_code == 302
    response = _upload(client, reverse("mapping:crosswalk_import"), f"crosswalk.{fmt}", first)
    assert response.status_code == 302, response.content.decode()[:2000]

    second = _download(client, url, fmt)
    if fmt == "csv":
        assert second == first
    else:
        assert _rows(second) == _rows(first)
    assert Crosswalk.objects.get(rationale__startswith="=SUM").source == "-starts with a minus"


def test_a_bad_file_lists_every_error_by_row_and_column_and_writes_nothing(
    builtin_reference: None, co_lead: User, client_for: Callable[[User], Client]
) -> None:
    before = Crosswalk.objects.count()
    content = (
        b"framework,element_code,element_name,objective,sdg_indicator,relation,rationale,source\n"
        b"mipex,HEA,Health,14,,partial,fine row,\n"
        b"mipex,NOPE,,3,,partial,,\n"
        b"mipex,EDU,,24,,exact,,\n"
        b"mipex,EDU,,,99.9.9,exact,,\n"
        b"mipex,EDU,,5,,maybe,,\n"
        b"mipex,EDU,,,,exact,,\n"
    )
    response = _upload(client_for(co_lead), reverse("mapping:crosswalk_import"), "links.csv", content)
    assert response.status_code == 400
    page = response.content.decode()
    for row, column in [
        (3, "element_code"),
        (4, "objective"),
        (5, "sdg_indicator"),
        (6, "relation"),
        (7, "objective"),
    ]:
        assert f"<td>{row}</td><td>{column}</td>" in page
    assert Crosswalk.objects.count() == before
    assert not Crosswalk.objects.filter(objective__number=14).exists()


def test_element_import_validates_parents_and_levels(
    builtin_reference: None, co_lead: User, client_for: Callable[[User], Client]
) -> None:
    framework = Framework.objects.get(slug="mipex")
    content = b"code,parent_code,level,name\nX1,,domain,New\nX2,ZZ,measure,Orphan\nX3,X1,leaf,Bad level\n"
    response = _upload(client_for(co_lead), reverse("mapping:framework_import", args=["mipex"]), "e.csv", content)
    assert response.status_code == 400
    page = response.content.decode()
    assert "<td>3</td><td>parent_code</td>" in page and "<td>4</td><td>level</td>" in page
    assert not framework.elements.filter(code="X1").exists()


def test_element_import_builds_the_tree(
    builtin_reference: None, co_lead: User, client_for: Callable[[User], Client]
) -> None:
    content = "code,parent_code,level,name\nAD.1,AD,sub_domain,Equality bodies\nAD.1.1,AD.1,measure,Mandate\n"
    response = _upload(
        client_for(co_lead), reverse("mapping:framework_import", args=["mipex"]), "e.csv", content.encode()
    )
    assert response.status_code == 302
    leaf = FrameworkElement.objects.get(framework__slug="mipex", code="AD.1.1")
    assert leaf.parent.code == "AD.1" and leaf.parent.parent.code == "AD"


def test_only_co_leads_import(
    builtin_reference: None, stakeholder: User, client_for: Callable[[User], Client]
) -> None:
    response = _upload(client_for(stakeholder), reverse("mapping:crosswalk_import"), "x.csv", b"framework\n")
    assert response.status_code == 403


def test_unreadable_upload_is_refused(builtin_reference: None, co_lead: User, client_for: Callable) -> None:
    response = _upload(client_for(co_lead), reverse("mapping:crosswalk_import"), "x.xlsx", b"not a workbook")
    assert response.status_code == 400
    assert "not a readable XLSX file" in response.content.decode()
