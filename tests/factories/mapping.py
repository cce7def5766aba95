import factory

from mapping.choices import ElementLevel, Relation
from mapping.models import (
    Crosswalk,
    Framework,
    FrameworkElement,
    GcmObjective,
    SdgGoal,
    SdgIndicator,
    SdgTarget,
)


class GcmObjectiveFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GcmObjective
        django_get_or_create = ["number"]

    number = factory.Sequence(lambda n: n % 23 + 1)
    title = factory.LazyAttribute(lambda o: f"Objective {o.number} title")
    short_title = factory.LazyAttribute(lambda o: f"Objective {o.number}")


class SdgGoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SdgGoal
        django_get_or_create = ["number"]

    number = 10
    title = factory.LazyAttribute(lambda o: f"Goal {o.number} title")


class SdgTargetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SdgTarget
        django_get_or_create = ["code"]

    goal = factory.SubFactory(SdgGoalFactory)
    code = factory.LazyAttribute(lambda o: f"{o.goal.number}.7")
    title = factory.LazyAttribute(lambda o: f"Target {o.code}")


class SdgIndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SdgIndicator
        django_get_or_create = ["code"]

    target = factory.SubFactory(SdgTargetFactory)
    code = factory.Sequence(lambda n: f"10.{1 + n // 99 % 99}.{1 + n % 99}")
    title = factory.Sequence(lambda n: f"Indicator {n} of migration")
    tier = "I"
    custodians = factory.LazyFunction(lambda: ["International Organization for Migration (IOM)"])
    series_codes = factory.LazyFunction(lambda: ["SM_DTH_MIGR"])

    @factory.post_generation
    def add_targets(obj: SdgIndicator, create: bool, extracted: object, **kwargs: object) -> None:
        if create:
            obj.targets.add(obj.target)


class FrameworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Framework
        django_get_or_create = ["slug"]

    slug = factory.Sequence(lambda n: f"framework-{n}")
    name = factory.Sequence(lambda n: f"Framework {n}")
    short_name = factory.Sequence(lambda n: f"FW{n}")
    owner = "IOM"


class FrameworkElementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FrameworkElement

    framework = factory.SubFactory(FrameworkFactory)
    code = factory.Sequence(lambda n: f"E{n}")
    name = factory.Sequence(lambda n: f"Element {n}")
    level = ElementLevel.DOMAIN


class CrosswalkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Crosswalk

    element = factory.SubFactory(FrameworkElementFactory)
    objective = factory.SubFactory(GcmObjectiveFactory)
    relation = Relation.PARTIAL
    rationale = "Because."
