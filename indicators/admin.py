from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from config.errors import DomainError
from indicators import models, services


class ObjectiveLinkInline(admin.TabularInline):
    model = models.RevisionObjectiveLink
    extra = 0


class SdgLinkInline(admin.TabularInline):
    model = models.RevisionSdgLink
    extra = 0
    raw_id_fields = ["sdg_indicator"]


class PrincipleInline(admin.TabularInline):
    model = models.RevisionPrinciple
    extra = 0


class ProvenanceInline(admin.TabularInline):
    model = models.RevisionProvenance
    extra = 0
    raw_id_fields = ["element"]


class PlanInline(admin.TabularInline):
    model = models.DisaggregationPlanEntry
    extra = 0


@admin.register(models.Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["code", "state", "current_revision", "created_at"]
    list_filter = ["state"]
    search_fields = ["code", "current_revision__title"]
    readonly_fields = ["state", "current_revision", "created_at"]
    raw_id_fields = ["merged_into"]


@admin.register(models.IndicatorRevision)
class IndicatorRevisionAdmin(admin.ModelAdmin):
    """Corrections to a revision no frozen version lists; the database refuses the rest."""

    list_display = ["indicator", "number", "title", "tier", "created_at"]
    list_filter = ["tier", "is_proxy"]
    search_fields = ["indicator__code", "title"]
    readonly_fields = ["indicator", "number", "created_by", "created_at"]
    inlines = [ObjectiveLinkInline, SdgLinkInline, PrincipleInline, ProvenanceInline, PlanInline]

    def has_change_permission(self, request: HttpRequest, obj: models.IndicatorRevision | None = None) -> bool:
        return super().has_change_permission(request, obj) and not (obj is not None and obj.is_frozen)

    def has_delete_permission(self, request: HttpRequest, obj: models.IndicatorRevision | None = None) -> bool:
        return super().has_delete_permission(request, obj) and not (obj is not None and obj.is_frozen)


@admin.register(models.DisaggregationDimension)
class DisaggregationDimensionAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "order", "sdmx_dimension", "sdmx_codelist"]


class SetVersionItemInline(admin.TabularInline):
    model = models.SetVersionItem
    extra = 0
    raw_id_fields = ["revision", "indicator"]


@admin.action(description=_("Freeze the selected versions"))
def freeze_versions(modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet) -> None:
    for version in queryset:
        try:
            services.freeze_set_version(version=version, by=request.user)  # type: ignore[arg-type]
        except DomainError as error:
            modeladmin.message_user(request, f"{version}: {error.message}", messages.ERROR)


@admin.register(models.SetVersion)
class SetVersionAdmin(admin.ModelAdmin):
    list_display = ["limited_set", "number", "frozen_at", "created_at"]
    list_filter = ["limited_set"]
    readonly_fields = ["frozen_at", "frozen_by"]
    inlines = [SetVersionItemInline]
    actions = [freeze_versions]


@admin.register(models.LimitedSet)
class LimitedSetAdmin(admin.ModelAdmin):
    list_display = ["name", "created_at"]


@admin.register(models.IndicatorEvent)
class IndicatorEventAdmin(admin.ModelAdmin):
    list_display = ["indicator", "action", "by", "at"]
    readonly_fields = ["indicator", "action", "note", "by", "at"]


for model in (
    models.RevisionSdgLink,
    models.RevisionObjectiveLink,
    models.RevisionPrinciple,
    models.RevisionProvenance,
    models.DisaggregationPlanEntry,
    models.SetVersionItem,
):
    admin.site.register(model)
