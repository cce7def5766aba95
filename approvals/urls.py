from django.urls import path

from approvals import views

app_name = "approvals"

urlpatterns = [
    path("approvals/", views.request_list, name="list"),
    path("approvals/new/", views.request_create, name="create"),
    path("approvals/<int:pk>/", views.request_detail, name="detail"),
    path("approvals/<int:pk>/<slug:action>/", views.request_action, name="act"),
    path("publications/", views.publication_list, name="publications"),
    path("publications/latest/", views.publication_latest, name="publication-latest"),
    path("publications/<str:version>/", views.publication_detail, name="publication"),
    path(
        "publications/<str:version>/download/<slug:fmt>/", views.publication_download, name="publication-download"
    ),
]
