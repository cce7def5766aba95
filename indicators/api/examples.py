"""Examples of the indicators API, taken from the demonstration data."""

from drf_spectacular.utils import OpenApiExample

# One revision of the demonstration data, as the API returns it.
REVISION_VALUE = {
    "id": 1,
    "indicator": "GCM-01-1",
    "number": 1,
    "title": "Countries with national migration data disaggregated by migratory status",
    "title_translations": {},
    "definition": "Demonstration data. Countries with national migration data disaggregated by migratory status.",
    "rationale": "Demonstration data. Measures progress on GCM objective 1, building on SDG indicator 17.18.1.",
    "unit": "Number",
    "computation_method": "Demonstration data. As in the SDG metadata of 17.18.1.",
    "data_sources": "Labour force surveys; population censuses; administrative records",
    "custodians": "UN DESA, IOM",
    "periodicity": "annual",
    "tier": "tier_2",
    "is_proxy": False,
    "limitations": "Demonstration data. Coverage of migrants in household surveys is uneven.",
    "change_summary": "First version (demonstration data)",
    "sdg_links": [{"code": "17.18.1", "relation": "adapted"}],
    "objectives": [{"number": 1, "is_primary": True}, {"number": 23, "is_primary": False}],
    "principles": [9],
    "disaggregation_plan": [
        {"dimension": "sex", "requirement": "recommended", "data_sources": ""},
        {"dimension": "age", "requirement": "recommended", "data_sources": ""},
        {
            "dimension": "migratory_status",
            "requirement": "required",
            "data_sources": "household surveys, censuses and administrative records",
        },
    ],
    "created_at": "2026-11-27T22:32:00.634355Z",
}

INDICATOR = OpenApiExample(
    "One candidate indicator",
    response_only=True,
    value={
        "id": 1,
        "code": "GCM-01-1",
        "state": "shortlisted",
        "merged_into": None,
        "current_revision": REVISION_VALUE,
        "rank": None,
    },
)

REVISION = OpenApiExample(
    "One revision",
    response_only=True,
    value=REVISION_VALUE,
)

LIMITED_SET = OpenApiExample(
    "One limited set",
    response_only=True,
    value={
        "id": 1,
        "name": "Limited set of GCM indicators (demonstration)",
        "description": "Demonstration data: a first draft of the limited set, to try the builder.",
        "versions": [1],
        "created_at": "2026-11-27T22:32:01.447833Z",
    },
)

SET_VERSION = OpenApiExample(
    "One set version (two of its items shown)",
    response_only=True,
    value={
        "id": 1,
        "limited_set": 1,
        "number": 1,
        "note": "",
        "frozen_at": "2026-11-27T22:32:01.563506Z",
        "is_frozen": True,
        "items": [
            {
                "position": 1,
                "indicator": "GCM-01-2",
                "revision": 1,
                "revision_id": 2,
                "title": "International migrant stock as a share of the population, by sex and age",
            },
            {
                "position": 2,
                "indicator": "GCM-04-1",
                "revision": 1,
                "revision_id": 7,
                "title": "Proportion of children under 5 whose births have been registered, by migratory status",
            },
        ],
        "created_at": "2026-11-27T22:32:01.448443Z",
    },
)

NEW_INDICATOR = OpenApiExample(
    "A new candidate",
    request_only=True,
    value={
        "code": "GCM-07-3",
        "title": "Proportion of migrants with access to basic services, by migratory status",
        "title_translations": {
            "fr": "Proportion de migrants ayant accès aux services de base, par statut migratoire",
            "es": "Proporción de migrantes con acceso a servicios básicos, por situación migratoria",
        },
        "definition": "Share of migrants who report access to basic services in the past 12 months.",
        "rationale": "Measures progress on GCM objective 7.",
        "primary_objective": 7,
        "other_objectives": [15],
        "tier": "tier_2",
        "sdg_links": [{"code": "10.7.2", "relation": "adapted"}],
        "plan": [{"dimension": "sex", "requirement": "required", "data_sources": "Census"}],
    },
)
TRANSITION = OpenApiExample(
    "Shortlist a candidate",
    request_only=True,
    value={"action": "shortlist", "note": "Agreed at the co-leads' meeting."},
)
VERSION_CHANGE = OpenApiExample("An indicator code", request_only=True, value={"indicator": "GCM-07-2"})
SUGGEST_REQUEST = OpenApiExample(
    "Cover each objective once, keep GCM-01-1",
    request_only=True,
    value={"k": 1, "pinned_in": ["GCM-01-1"], "pinned_out": [], "time_limit": 10},
)
SUGGEST_RESPONSE = OpenApiExample(
    "A suggestion",
    response_only=True,
    value={
        "method": "exact",
        "size": 2,
        "chosen": [
            {"code": "GCM-01-1", "reasons": ["pinned", "covers objectives 1, 23"]},
            {"code": "GCM-07-2", "reasons": ["covers objectives 2-22"]},
        ],
        "uncoverable_objectives": [],
        "short_objectives": {},
        "elapsed_ms": 12.5,
    },
)
NEW_LIMITED_SET = OpenApiExample(
    "A new limited set", request_only=True, value={"name": "Limited set 2027", "description": "Second proposal."}
)
