from rest_framework.routers import DefaultRouter

from consultations.api import views

app_name = "consultations"

router = DefaultRouter()
router.include_root_view = False
router.register("rounds", views.RoundViewSet, basename="round")
router.register(r"rounds/(?P<round_pk>\d+)/comments", views.CommentViewSet, basename="round-comment")

urlpatterns = router.urls
