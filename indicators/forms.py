"""The co-lead's edit form. Every save makes a new revision through `indicators.services`."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from indicators.choices import Periodicity, Requirement, SdgRelation, Tier
from indicators.models import LANGUAGE_TAGS, TRANSLATION_LANGUAGES, IndicatorRevision
from indicators.services import PlanLine, RevisionData
from mapping.models import GcmObjective, GuidingPrinciple

SDG_CODE = re.compile(r"^\d{1,2}\.[0-9a-z]{1,2}\.\d{1,2}$")
PLAN_LINE = re.compile(r"^\s*(?P<dimension>[a-z_]+)\s*(?P<requirement>[a-z]*)\s*(?::\s*(?P<sources>.*))?$")


class RevisionForm(forms.Form):
    code = forms.CharField(label=_("Code"), max_length=30, required=False, help_text=_("For example GCM-07-2."))
    title = forms.CharField(label=_("Title"), max_length=400)
    title_fr = forms.CharField(label=_("Title in French"), max_length=400, required=False)
    title_es = forms.CharField(label=_("Title in Spanish"), max_length=400, required=False)
    title_ar = forms.CharField(
        label=_("Title in Arabic"), max_length=400, required=False, widget=forms.TextInput(attrs={"dir": "rtl"})
    )
    title_zh = forms.CharField(label=_("Title in Chinese"), max_length=400, required=False)
    title_ru = forms.CharField(label=_("Title in Russian"), max_length=400, required=False)
    definition = forms.CharField(label=_("Definition"), widget=forms.Textarea(attrs={"rows": 4}))
    rationale = forms.CharField(label=_("Rationale"), widget=forms.Textarea(attrs={"rows": 3}))
    primary_objective = forms.TypedChoiceField(label=_("Primary GCM objective"), coerce=int)
    other_objectives = forms.CharField(
        label=_("Other GCM objectives"),
        required=False,
        help_text=_("Objective numbers separated by commas, e.g. 3, 7."),
    )
    sdg_links = forms.CharField(
        label=_("SDG indicators"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "One per line: code and relation (identical, adapted, proxy, complementary), e.g. 10.7.2 identical."
        ),
    )
    unit = forms.CharField(label=_("Unit of measure"), max_length=200, required=False)
    computation_method = forms.CharField(
        label=_("Computation method"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    data_sources = forms.CharField(
        label=_("Data sources"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    custodians = forms.CharField(label=_("Custodian organisations"), max_length=400, required=False)
    periodicity = forms.ChoiceField(label=_("Periodicity"), choices=Periodicity.choices)
    tier = forms.ChoiceField(label=_("Tier"), choices=Tier.choices)
    is_proxy = forms.BooleanField(label=_("Proxy indicator"), required=False)
    limitations = forms.CharField(
        label=_("Comments and limitations"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    principles = forms.TypedMultipleChoiceField(
        label=_("Guiding principles"), coerce=int, required=False, widget=forms.CheckboxSelectMultiple
    )
    plan = forms.CharField(
        label=_("Disaggregation plan"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "One dimension per line: code, required or recommended, then the data sources after a colon, "
            "e.g. migratory_status required: Labour force survey."
        ),
    )
    change_summary = forms.CharField(label=_("What changed"), max_length=400, required=False)

    def __init__(self, *args: object, creating: bool = False, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        # The language of each translated title, so that screen readers and fonts treat it right.
        for key in TRANSLATION_LANGUAGES:
            self.fields[f"title_{key}"].widget.attrs["lang"] = LANGUAGE_TAGS[key]
        self.fields["primary_objective"].choices = [
            (obj.number, f"{obj.number}. {obj.short_title or obj.title}")
            for obj in GcmObjective.objects.order_by("number")
        ]
        self.fields["principles"].choices = [
            (p.number, f"{p.letter or p.number}. {p.title}") for p in GuidingPrinciple.objects.order_by("number")
        ]
        if creating:
            self.fields["code"].required = True
        else:
            del self.fields["code"]

    @classmethod
    def initial_from(cls, revision: IndicatorRevision) -> dict[str, object]:
        data = RevisionData.from_revision(revision)
        return {
            "title": data.title,
            **{f"title_{key}": (data.title_translations or {}).get(key, "") for key in TRANSLATION_LANGUAGES},
            "definition": data.definition,
            "rationale": data.rationale,
            "primary_objective": data.primary_objective,
            "other_objectives": ", ".join(str(n) for n in data.other_objectives),
            "sdg_links": "\n".join(f"{code} {relation}" for code, relation in data.sdg_links),
            "unit": data.unit,
            "computation_method": data.computation_method,
            "data_sources": data.data_sources,
            "custodians": data.custodians,
            "periodicity": data.periodicity,
            "tier": data.tier,
            "is_proxy": data.is_proxy,
            "limitations": data.limitations,
            "principles": list(data.principles),
            "plan": "\n".join(
                f"{line.dimension} {line.requirement}" + (f": {line.data_sources}" if line.data_sources else "")
                for line in data.plan
            ),
        }

    def clean_other_objectives(self) -> list[int]:
        numbers = []
        for part in re.split(r"[,\s]+", self.cleaned_data["other_objectives"].strip()):
            if not part:
                continue
            if not part.isdigit() or not 1 <= int(part) <= 23:
                raise forms.ValidationError(
                    _("%(value)s is not a GCM objective number (1 to 23).") % {"value": part}
                )
            numbers.append(int(part))
        return numbers

    def clean_sdg_links(self) -> list[tuple[str, str]]:
        links = []
        for line in self.cleaned_data["sdg_links"].splitlines():
            if not line.strip():
                continue
            parts = line.split()
            if not SDG_CODE.match(parts[0]):
                raise forms.ValidationError(
                    _("Write one SDG code per line, like 10.7.2 identical: %(line)s") % {"line": line}
                )
            relation = parts[1].lower() if len(parts) > 1 else SdgRelation.IDENTICAL
            if relation not in SdgRelation.values:
                raise forms.ValidationError(
                    _("The relation must be one of %(choices)s.") % {"choices": ", ".join(SdgRelation.values)}
                )
            links.append((parts[0], relation))
        return links

    def clean_plan(self) -> list[PlanLine]:
        lines = []
        for line in self.cleaned_data["plan"].splitlines():
            if not line.strip():
                continue
            match = PLAN_LINE.match(line)
            requirement = (match["requirement"] if match else "") or Requirement.REQUIRED
            if not match or requirement not in Requirement.values:
                raise forms.ValidationError(
                    _("Write a dimension code and required or recommended: %(line)s") % {"line": line}
                )
            lines.append(PlanLine(match["dimension"], requirement, (match["sources"] or "").strip()))
        return lines

    def to_data(self) -> RevisionData:
        data = self.cleaned_data
        return RevisionData(
            title=data["title"],
            title_translations={key: data[f"title_{key}"] for key in TRANSLATION_LANGUAGES},
            definition=data["definition"],
            rationale=data["rationale"],
            primary_objective=data["primary_objective"],
            other_objectives=data["other_objectives"],
            unit=data["unit"],
            computation_method=data["computation_method"],
            data_sources=data["data_sources"],
            custodians=data["custodians"],
            periodicity=data["periodicity"],
            tier=data["tier"],
            is_proxy=data["is_proxy"],
            limitations=data["limitations"],
            change_summary=data["change_summary"],
            sdg_links=data["sdg_links"],
            principles=data["principles"],
            plan=data["plan"],
        )
