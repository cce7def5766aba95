from rest_framework.routers import DefaultRouter

from mapping.api import views

app_name = "mapping"

router = DefaultRouter(trailing_slash=True)
router.include_root_view = False
router.register("reference/gcm-objectives", views.GcmObjectiveViewSet, basename="gcm-objective")
router.register("reference/guiding-principles", views.GuidingPrincipleViewSet, basename="guiding-principle")
router.register("reference/sdg-goals", views.SdgGoalViewSet, basename="sdg-goal")
router.register("reference/sdg-targets", views.SdgTargetViewSet, basename="sdg-target")
router.register("reference/sdg-indicators", views.SdgIndicatorViewSet, basename="sdg-indicator")
router.register("reference/frameworks", views.FrameworkViewSet, basename="framework")
router.register("reference/crosswalks", views.CrosswalkViewSet, basename="crosswalk")

urlpatterns = router.urls
