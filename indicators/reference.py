"""Disaggregation dimensions: a small built-in set, enriched from the SDMX reference files when present.

The built-in set follows the A/RES/71/313 chapeau and target 17.18 plus the characteristics migration
statistics need (citizenship, country of birth). When `REFERENCE_DATA_DIR` holds
`sdg_disaggregation_dimensions.csv` and `sdmx_sdg_dsd_codelists_disaggregation.csv`, their SDMX dimension,
code list and codes are loaded onto the matching dimensions.
"""

import csv
from pathlib import Path

from django.conf import settings
from django.db import transaction

from indicators.models import DisaggregationDimension

# code, name, SDMX dimension, SDMX code list, built-in codes
BUILT_IN: list[tuple[str, str, str, str, list[str]]] = [
    ("sex", "Sex", "SEX", "CL_SEX", ["_T", "F", "M"]),
    ("age", "Age", "AGE", "CL_AGE", ["_T", "Y0T14", "Y15T24", "Y25T64", "Y_GE65"]),
    (
        "migratory_status",
        "Migratory status",
        "COMPOSITE_BREAKDOWN",
        "CL_COMP_BREAKDOWN",
        ["MS_MIGRANT", "MS_NOMIGRANT"],
    ),
    ("citizenship", "Citizenship", "", "", []),
    ("country_of_birth", "Country of birth", "", "", []),
    ("income", "Income", "INCOME_WEALTH_QUANTILE", "CL_QUANTILE", ["_T", "Q1", "Q2", "Q3", "Q4", "Q5"]),
    ("disability", "Disability", "DISABILITY_STATUS", "CL_DISABILITY", ["_T", "PD", "PWD"]),
    ("geographic_location", "Geographic location", "URBANISATION", "CL_URBANISATION", ["_T", "U", "R"]),
    ("race", "Race", "", "", []),
    ("ethnicity", "Ethnicity", "", "", []),
    ("education", "Education level", "EDUCATION_LEV", "CL_EDUCATION_LEV", []),
    ("occupation", "Occupation", "OCCUPATION", "CL_OCCUPATION", []),
]

# The reference file names dimensions in words ("migratory status"); map them to our codes.
_REFERENCE_NAMES = {
    "geographic location": "geographic_location",
    "migratory status": "migratory_status",
}


def _reference_rows(directory: Path) -> dict[str, dict[str, str]]:
    path = directory / "sdg_disaggregation_dimensions.csv"
    if not path.exists():
        return {}
    with path.open(encoding="utf-8") as handle:
        return {
            _REFERENCE_NAMES.get(row["dimension"], row["dimension"].replace(" ", "_")): row
            for row in csv.DictReader(handle)
        }


def _codelists(directory: Path) -> dict[str, list[str]]:
    path = directory / "sdmx_sdg_dsd_codelists_disaggregation.csv"
    if not path.exists():
        return {}
    lists: dict[str, list[str]] = {}
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            lists.setdefault(row["codelist"], []).append(row["code"])
    return lists


@transaction.atomic
def load_dimensions(directory: Path | None = None) -> int:
    """Create or update the dimensions; idempotent. Returns how many there are."""
    directory = directory or Path(settings.REFERENCE_DATA_DIR)
    reference, codelists = _reference_rows(directory), _codelists(directory)
    for order, (code, name, sdmx_dimension, codelist, codes) in enumerate(BUILT_IN, start=1):
        row = reference.get(code, {})
        codelist = (
            codelist if not row.get("sdmx_codelist") or "/" in row["sdmx_codelist"] else row["sdmx_codelist"]
        )
        found = codelists.get(codelist, [])
        if code == "migratory_status":
            found = [value for value in found if value.startswith("MS_")]  # the rest are grounds of discrimination
        DisaggregationDimension.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "order": order,
                "sdmx_dimension": sdmx_dimension,
                "sdmx_codelist": codelist,
                "sdmx_codes": found or codes,
                "notes": row.get("notes", ""),
            },
        )
    return DisaggregationDimension.objects.count()
