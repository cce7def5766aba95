from rest_framework.routers import DefaultRouter

from approvals.api.views import ApprovalRequestViewSet, PublicationViewSet

app_name = "approvals"

router = DefaultRouter(trailing_slash=True)
router.include_root_view = False
router.register("approvals", ApprovalRequestViewSet, basename="approval")
router.register("publications", PublicationViewSet, basename="publication")

urlpatterns = router.urls
