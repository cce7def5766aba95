import pytest
from django.test import Client
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.django_db


def test_every_page_has_a_content_security_policy_without_inline_script() -> None:
    policy = Client().get("/accounts/login/")["Content-Security-Policy"]

    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["script-src"] == "'self'"
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


def test_swagger_ui_loads_its_start_up_script_as_a_file() -> None:
    html = Client().get("/api/v1/docs/").content.decode()

    assert "<script>" not in html
    assert '<script src="/api/v1/docs/?script="></script>' in html
    script = Client().get("/api/v1/docs/?script=")
    assert script.status_code == 200
    assert "/api/v1/schema/" in script.content.decode()


@pytest.mark.parametrize("path", ["/api/v1/docs/", "/api/v1/redoc/"])
def test_the_documentation_pages_alone_may_use_inline_styles_but_never_inline_scripts(path: str) -> None:
    policy = Client().get(path)["Content-Security-Policy"]

    assert "style-src 'self' 'unsafe-inline'" in policy
    assert "script-src 'self';" in policy + ";"


@pytest.mark.browser
def test_swagger_ui_renders_the_schema_offline_under_the_policy(page: Page, live_server) -> None:
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)

    page.goto(f"{live_server.url}/api/v1/docs/")

    expect(page.locator(".swagger-ui .info .title")).to_contain_text("GCM Indicator Workbench API")
    expect(page.locator(".opblock-tag-section").first).to_be_visible()
    assert not [error for error in errors if "Content Security Policy" in error]
