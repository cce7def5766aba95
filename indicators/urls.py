from django.urls import path

from indicators import views

app_name = "indicators"

urlpatterns = [
    path("indicators/", views.catalogue, name="catalogue"),
    path("indicators/new/", views.indicator_create, name="create"),
    path("indicators/autocomplete/", views.autocomplete, name="autocomplete"),
    path("indicators/disaggregation/", views.disaggregation_matrix, name="matrix"),
    path("indicators/sets/", views.sets, name="sets"),
    path("indicators/sets/<int:pk>/", views.builder, name="builder"),
    path("indicators/sets/<int:pk>/suggest/", views.builder_suggest, name="suggest"),
    path("indicators/sets/<int:pk>/diff/", views.version_diff, name="version_diff"),
    path("indicators/sets/<int:pk>/versions/new/", views.version_new, name="version_new"),
    path("indicators/sets/<int:pk>/versions/<int:number>/freeze/", views.version_freeze, name="version_freeze"),
    path("indicators/sets/<int:pk>/versions/<int:number>/export/", views.version_export, name="version_export"),
    path(
        "indicators/sets/<int:pk>/versions/<int:number>/<str:change>/",
        views.builder_change,
        name="builder_change",
    ),
    path("indicators/<str:code>/", views.indicator_detail, name="detail"),
    path("indicators/<str:code>/edit/", views.indicator_edit, name="edit"),
    path("indicators/<str:code>/state/", views.indicator_transition, name="transition"),
]
