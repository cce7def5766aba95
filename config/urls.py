"""Top-level URLs. Each app owns its browser URLs (`<app>/urls.py`) and its API URLs (`<app>/api/urls.py`)."""

from csp.decorators import csp_update
from django.contrib import admin
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog
from drf_spectacular.renderers import OpenApiJsonRenderer, OpenApiJsonRenderer2
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerSplitView

from config.api import SchemaYaml2Renderer, SchemaYamlRenderer
from config.health import healthz

inline_styles = csp_update({"style-src": ["'unsafe-inline'"]})

api_v1 = [
    # Publications first: the public reads that matter most are resolved without trying the other apps' routes.
    path("", include("approvals.api.urls")),
    path("", include("accounts.api.urls")),
    path("", include("mapping.api.urls")),
    path("", include("indicators.api.urls")),
    path("", include("consultations.api.urls")),
    path("", include("documents.api.urls")),
    path(
        "schema/",
        SpectacularAPIView.as_view(
            renderer_classes=[SchemaYamlRenderer, SchemaYaml2Renderer, OpenApiJsonRenderer, OpenApiJsonRenderer2]
        ),
        name="schema",
    ),
    # Swagger UI with its start-up script served as a file (no inline script). Both documentation pages inject
    # styles at run time, so these two pages alone allow inline styles (never inline scripts).
    path("docs/", inline_styles(SpectacularSwaggerSplitView.as_view(url_name="api:schema")), name="swagger-ui"),
    path("redoc/", inline_styles(SpectacularRedocView.as_view(url_name="api:schema")), name="redoc"),
]

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("admin/", admin.site.urls),
    path("api/v1/", include((api_v1, "api"))),
    path("", include("accounts.urls")),
    path("", include("mapping.urls")),
    path("", include("indicators.urls")),
    path("", include("consultations.urls")),
    path("", include("approvals.urls")),
    path("", include("documents.urls")),
]

handler404 = "config.errors.not_found"
handler500 = "config.errors.server_error"
