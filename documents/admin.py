from django.contrib import admin

from documents.models import CalendarToken, Document


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ["id", "kind", "language", "publication_version", "round", "state", "created_at"]
    list_filter = ["kind", "state", "language"]
    search_fields = ["publication_version", "round__title"]
    readonly_fields = [field.name for field in Document._meta.fields if field.name not in ("pdf", "archive")]
    exclude = ["pdf", "archive"]

    def has_add_permission(self, request: object) -> bool:
        return False  # documents are generated, not typed in

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False


@admin.register(CalendarToken)
class CalendarTokenAdmin(admin.ModelAdmin):
    list_display = ["user", "created_at"]
    search_fields = ["user__email"]
    readonly_fields = ["user", "token", "created_at"]
