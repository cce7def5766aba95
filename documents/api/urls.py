from rest_framework.routers import DefaultRouter

from documents.api import views

app_name = "documents"

router = DefaultRouter(trailing_slash=True)
router.include_root_view = False
router.register("documents", views.DocumentViewSet, basename="document")
router.register("disaggregation-evidence", views.EvidenceViewSet, basename="evidence")

urlpatterns = router.urls
