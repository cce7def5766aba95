from rest_framework.routers import DefaultRouter

from indicators.api import views

app_name = "indicators"

router = DefaultRouter(trailing_slash=True)
router.include_root_view = False
router.register("indicators", views.IndicatorViewSet, basename="indicator")
router.register("revisions", views.RevisionViewSet, basename="revision")
router.register("sets", views.LimitedSetViewSet, basename="set")
router.register("set-versions", views.SetVersionViewSet, basename="set-version")

urlpatterns = router.urls
