from django.urls import path

from mapping import views

app_name = "mapping"

urlpatterns = [
    path("mapping/frameworks/", views.framework_list, name="framework_list"),
    path("mapping/frameworks/<slug:slug>/", views.framework_detail, name="framework_detail"),
    path("mapping/frameworks/<slug:slug>/import/", views.framework_import_elements, name="framework_import"),
    path("mapping/frameworks/<slug:slug>/crosswalk/", views.crosswalk_editor, name="crosswalk_editor"),
    path("mapping/elements/<int:pk>/links/", views.element_links, name="element_links"),
    path("mapping/crosswalk/", views.crosswalk_list, name="crosswalk_list"),
    path("mapping/crosswalk/import/", views.crosswalk_import, name="crosswalk_import"),
    path("mapping/crosswalk/<int:pk>/update/", views.crosswalk_update, name="crosswalk_update"),
    path("mapping/crosswalk/<int:pk>/delete/", views.crosswalk_delete, name="crosswalk_delete"),
    path("mapping/coverage/", views.coverage, name="coverage"),
    path("mapping/coverage/<int:number>/<slug:slug>/", views.coverage_cell, name="coverage_cell"),
    path("mapping/sdg/", views.sdg_browser, name="sdg_browser"),
    path("mapping/objectives/", views.objective_list, name="objective_list"),
    path("mapping/objectives/<int:number>/", views.objective_detail, name="objective_detail"),
    path("mapping/dashboard-panel/", views.dashboard_panel, name="dashboard_panel"),
]
