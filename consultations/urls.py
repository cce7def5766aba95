from django.urls import path

from consultations import views

app_name = "consultations"

urlpatterns = [
    path("consultations/rounds/", views.round_list, name="round_list"),
    path("consultations/rounds/new/", views.round_create, name="round_create"),
    path("consultations/rounds/<int:pk>/", views.round_detail, name="round_detail"),
    path("consultations/rounds/<int:pk>/do/<slug:action>/", views.round_action, name="round_action"),
    path("consultations/rounds/<int:pk>/comments/", views.comment_create, name="comment_create"),
    path("consultations/rounds/<int:pk>/correction/", views.submission_correct, name="submission_correct"),
    path("consultations/rounds/<int:pk>/matrix/", views.matrix, name="matrix"),
    path("consultations/rounds/<int:pk>/matrix/export.<slug:fmt>", views.matrix_export, name="matrix_export"),
    path("consultations/rounds/<int:pk>/report/", views.report, name="report"),
    path("consultations/rounds/<int:pk>/jobs/", views.job_start, name="job_start"),
    path("consultations/comments/<int:pk>/edit/", views.comment_edit, name="comment_edit"),
    path("consultations/comments/<int:pk>/delete/", views.comment_delete, name="comment_delete"),
    path("consultations/comments/<int:pk>/disposition/", views.disposition_save, name="disposition_save"),
    path("consultations/submissions/<int:pk>/submit/", views.submission_submit, name="submission_submit"),
    path("consultations/jobs/<int:pk>/", views.job_detail, name="job_detail"),
    path("consultations/jobs/<int:pk>/download/", views.job_download, name="job_download"),
]
