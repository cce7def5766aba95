"""Admin of approvals: read-only views of the records (writes go through the services, with their events).

The request list shows the state diagram (regenerate it with `manage.py approvals_diagram`).
"""

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from approvals import services
from approvals.models import ApprovalEvent, ApprovalRequest, Publication, PublicationFile, Vote


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


class VoteInline(admin.TabularInline):
    model = Vote
    extra = 0
    can_delete = False
    readonly_fields = ["voter", "choice", "reason", "cast_at"]

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


class EventInline(VoteInline):
    model = ApprovalEvent
    readonly_fields = ["at", "actor", "action", "from_state", "to_state", "reason"]


@admin.register(ApprovalRequest)
class ApprovalRequestAdmin(ReadOnlyAdmin):
    change_list_template = "approvals/admin/request_change_list.html"
    list_display = ["__str__", "state", "review_mode", "silence_deadline", "created_at"]
    list_filter = ["state", "review_mode"]
    list_select_related = ["set_version__limited_set"]
    inlines = [VoteInline, EventInline]
    actions = ["settle_due"]

    def has_view_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return bool(request.user.is_staff)

    @admin.action(description=_("Record approvals whose silence deadline has passed"))
    def settle_due(self, request: HttpRequest, queryset: QuerySet[ApprovalRequest]) -> None:
        settled = sum(services.settle_request(request=item) for item in queryset)
        messages.info(request, _("{n} request(s) approved by silence procedure.").format(n=settled))

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return obj is None and bool(request.user.is_staff)  # the list and its action, never the form


@admin.register(ApprovalEvent)
class ApprovalEventAdmin(ReadOnlyAdmin):
    list_display = ["at", "request", "action", "actor", "from_state", "to_state"]
    list_filter = ["action"]
    list_select_related = ["request__set_version__limited_set", "actor"]


@admin.register(Vote)
class VoteAdmin(ReadOnlyAdmin):
    list_display = ["request", "voter", "choice", "cast_at"]
    list_select_related = ["request__set_version__limited_set", "voter"]


@admin.register(Publication)
class PublicationAdmin(ReadOnlyAdmin):
    list_display = ["version", "published_at", "indicator_count", "sha256"]
    exclude = ["snapshot"]


@admin.register(PublicationFile)
class PublicationFileAdmin(ReadOnlyAdmin):
    list_display = ["publication", "format", "size", "sha256", "built_at"]
    exclude = ["content"]
