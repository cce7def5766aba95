"""Disaggregation dimensions from the built-in set and the SDMX files; demonstration data, loaded twice."""

from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings

from indicators import demo, selectors
from indicators.models import DisaggregationDimension, Indicator, LimitedSet
from indicators.reference import BUILT_IN, load_dimensions

pytestmark = pytest.mark.django_db


def test_built_in_dimensions_without_reference_files(tmp_path: Path):
    assert load_dimensions(tmp_path) == len(BUILT_IN)
    assert DisaggregationDimension.objects.get(code="migratory_status").sdmx_codes == [
        "MS_MIGRANT",
        "MS_NOMIGRANT",
    ]


@pytest.mark.skipif(
    not (Path(settings.REFERENCE_DATA_DIR) / "sdmx_sdg_dsd_codelists_disaggregation.csv").exists(),
    reason="the reference folder is not on this machine",
)
def test_sdmx_codes_come_from_the_reference_files():
    load_dimensions()
    load_dimensions()  # idempotent
    sex = DisaggregationDimension.objects.get(code="sex")
    assert sex.sdmx_codelist == "CL_SEX" and {"_T", "F", "M", "_U"} <= set(sex.sdmx_codes)
    migratory = DisaggregationDimension.objects.get(code="migratory_status")
    assert "MS_EUMIGRANT" in migratory.sdmx_codes and not any(c.startswith("GRD_") for c in migratory.sdmx_codes)
    assert len(DisaggregationDimension.objects.get(code="age").sdmx_codes) > 100
    assert DisaggregationDimension.objects.count() == len(BUILT_IN)


def test_demo_data_is_realistic_and_idempotent():
    from mapping import services as mapping_services

    mapping_services.load_builtin_reference()
    demo.load(StringIO())
    first = (Indicator.objects.count(), LimitedSet.objects.count())
    out = StringIO()
    demo.load(out)
    assert (Indicator.objects.count(), LimitedSet.objects.count()) == first
    assert 38 <= first[0] <= 45 and first[1] == 1
    assert "0 demonstration candidates created" in out.getvalue()
    indicator = Indicator.objects.get(code="GCM-08-1")
    assert indicator.state == "shortlisted"
    assert "Demonstration data" in indicator.current_revision.definition
    assert list(indicator.current_revision.sdg_links.values_list("sdg_indicator__code", flat=True)) == ["10.7.3"]
    version = LimitedSet.objects.get().versions.get()
    assert not version.is_frozen
    coverage = selectors.coverage(list(selectors.set_version_items(version)))
    assert coverage.size == len(demo.DEMO_SET) and len(coverage.objectives_covered) >= 10


def test_demo_without_reference_says_so():
    out = StringIO()
    demo.load(out)
    assert "load the reference data first" in out.getvalue()


def test_set_version_items_cost_a_fixed_number_of_queries(django_assert_num_queries):
    from tests.factories.indicators import make_indicator, make_set

    small = make_set("small", [make_indicator() for _ in range(2)])[1]
    large = make_set("large", [make_indicator() for _ in range(12)])[1]
    with django_assert_num_queries(5):
        list(selectors.set_version_items(small))
    with django_assert_num_queries(5):
        items = list(selectors.set_version_items(large))
    with django_assert_num_queries(2):
        selectors.coverage(items)


def test_load_disaggregation_dimensions_command():
    from django.core.management import call_command

    out = StringIO()
    call_command("load_disaggregation_dimensions", stdout=out)
    assert f"{len(BUILT_IN)} disaggregation dimensions" in out.getvalue()
