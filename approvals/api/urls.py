from django.urls import re_path
from rest_framework.routers import DefaultRouter

from approvals.api.views import ApprovalRequestViewSet, PublicationViewSet, publication_snapshot

app_name = "approvals"

router = DefaultRouter(trailing_slash=True)
router.include_root_view = False
router.register("approvals", ApprovalRequestViewSet, basename="approval")
router.register("publications", PublicationViewSet, basename="publication")

urlpatterns = [
    # Ahead of the router: anonymous reads of a published version skip the framework (see the view).
    re_path(
        rf"^publications/(?P<version>{PublicationViewSet.lookup_value_regex})/$",
        publication_snapshot,
        name="publication-snapshot",
    ),
    *router.urls,
]
