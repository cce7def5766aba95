from django.contrib import admin

from mapping.models import (
    Crosswalk,
    Framework,
    FrameworkElement,
    GcmObjective,
    GuidingPrinciple,
    SdgGoal,
    SdgIndicator,
    SdgTarget,
)


@admin.register(GcmObjective)
class GcmObjectiveAdmin(admin.ModelAdmin):
    list_display = ["number", "short_title", "title"]
    search_fields = ["title", "short_title"]


@admin.register(GuidingPrinciple)
class GuidingPrincipleAdmin(admin.ModelAdmin):
    list_display = ["number", "letter", "title"]


@admin.register(SdgGoal)
class SdgGoalAdmin(admin.ModelAdmin):
    list_display = ["number", "short_title"]


@admin.register(SdgTarget)
class SdgTargetAdmin(admin.ModelAdmin):
    list_display = ["code", "goal", "title"]
    list_filter = ["goal"]
    search_fields = ["code", "title"]
    ordering = ["sort_key"]


@admin.register(SdgIndicator)
class SdgIndicatorAdmin(admin.ModelAdmin):
    list_display = ["code", "title", "tier", "is_active"]
    list_filter = ["is_active", "tier", "target__goal"]
    search_fields = ["code", "title"]
    raw_id_fields = ["target"]
    filter_horizontal = ["targets"]
    ordering = ["sort_key"]


@admin.register(Framework)
class FrameworkAdmin(admin.ModelAdmin):
    list_display = ["name", "owner", "kind", "year", "endorsed_by_intergovernmental", "priority"]
    list_filter = ["kind", "endorsed_by_intergovernmental"]
    prepopulated_fields = {"slug": ["short_name"]}
    search_fields = ["name", "owner"]


@admin.register(FrameworkElement)
class FrameworkElementAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "framework", "level"]
    list_filter = ["framework", "level"]
    search_fields = ["code", "name"]
    raw_id_fields = ["parent"]


@admin.register(Crosswalk)
class CrosswalkAdmin(admin.ModelAdmin):
    list_display = ["element", "objective", "sdg_indicator", "relation"]
    list_filter = ["relation", "element__framework"]
    raw_id_fields = ["element", "objective", "sdg_indicator", "created_by"]
    search_fields = ["element__code", "element__name", "rationale"]
