from django.urls import path

from documents import views

app_name = "documents"

urlpatterns = [
    path("documents/", views.document_list, name="list"),
    path("documents/<int:pk>/", views.document_detail, name="detail"),
    path("documents/<int:pk>/progress/", views.document_progress, name="progress"),
    path("documents/<int:pk>/<str:part>/", views.document_download, name="download"),
    path("documents/plan/", views.plan, name="plan"),
    path("documents/calendar/<str:token>.ics", views.calendar_feed, name="calendar"),
]
