app_name = "mapping"

urlpatterns: list[object] = []
