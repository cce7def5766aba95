from django.contrib import admin

from consultations.models import Comment, Disposition, Round, RoundJob, Submission


@admin.register(Round)
class RoundAdmin(admin.ModelAdmin):
    list_display = ["title", "set_version", "state", "opens_at", "closes_at"]
    list_filter = ["state"]
    search_fields = ["title"]
    filter_horizontal = ["invited_organisations"]
    readonly_fields = ["state", "synthesised_at", "created_by", "created_at"]


@admin.register(Submission)
class SubmissionAdmin(admin.ModelAdmin):
    list_display = ["organisation", "round", "state", "submitted_by", "submitted_at", "supersedes"]
    list_filter = ["state", "round"]
    search_fields = ["organisation__name"]
    readonly_fields = ["state", "submitted_by", "submitted_at", "supersedes", "created_at"]

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        # Submitted positions never change; the database refuses it too.
        return super().has_change_permission(request, obj) and (obj is None or not obj.is_submitted)

    def has_delete_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return super().has_delete_permission(request, obj) and (obj is None or not obj.is_submitted)


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["pk", "submission", "revision", "kind", "stance", "created_at"]
    list_filter = ["kind", "stance", "submission__round"]
    search_fields = ["text", "submission__organisation__name"]
    raw_id_fields = ["submission", "revision", "author", "copied_from"]

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return super().has_change_permission(request, obj) and (obj is None or not obj.submission.is_submitted)

    def has_delete_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return super().has_delete_permission(request, obj) and (obj is None or not obj.submission.is_submitted)


@admin.register(Disposition)
class DispositionAdmin(admin.ModelAdmin):
    list_display = ["comment", "outcome", "implemented_by", "decided_by", "decided_at"]
    list_filter = ["outcome"]
    raw_id_fields = ["comment", "implemented_by", "decided_by"]


@admin.register(RoundJob)
class RoundJobAdmin(admin.ModelAdmin):
    list_display = ["round", "kind", "state", "done", "total", "created_at", "finished_at"]
    list_filter = ["kind", "state"]
    readonly_fields = ["result"]
