"""Examples of the approvals API, taken from the demonstration data (one indicator shown where there are more)."""

from drf_spectacular.utils import OpenApiExample

VERSION = "2026.1"
SHA256 = "c8abb745d3c9ea3b471ba2a8521b73abed718bde079cd6d0f7c652fe49d77d30"

APPROVAL = OpenApiExample(
    "A request approved by silence procedure and published",
    response_only=True,
    value={
        "id": 1,
        "set_version": "Limited set of GCM indicators (demonstration) v1",
        "set_version_id": 1,
        "state": "published",
        "effective_state": "published",
        "review_mode": "silence",
        "silence_hours": 72,
        "silence_deadline": "2026-11-27T00:05:56.610825Z",
        "quorum": 9,
        "majority": "no_objection",
        "note": "Demonstration: the draft limited set after its first consultation round.",
        "created_at": "2026-11-23T22:05:56.610825Z",
        "submitted_at": "2026-11-23T22:05:56.610825Z",
        "review_opened_at": "2026-11-24T00:05:56.610825Z",
        "decided_at": "2026-11-27T00:05:56.615208Z",
        "publication": VERSION,
        "votes": [],
        "events": [
            {
                "at": "2026-11-23T22:05:56.610825Z",
                "actor": "Amina Diallo",
                "action": "submit",
                "from_state": "draft",
                "to_state": "submitted",
                "reason": "",
            },
            {
                "at": "2026-11-24T00:05:56.610825Z",
                "actor": "Lucas Moreau",
                "action": "open_review",
                "from_state": "submitted",
                "to_state": "in_review",
                "reason": "",
            },
            {
                "at": "2026-11-27T00:05:56.616009Z",
                "actor": None,
                "action": "approve",
                "from_state": "in_review",
                "to_state": "approved",
                "reason": "No objection by the deadline: approved by silence procedure.",
            },
            {
                "at": "2026-11-27T00:05:56.631935Z",
                "actor": None,
                "action": "publish",
                "from_state": "approved",
                "to_state": "published",
                "reason": VERSION,
            },
        ],
    },
)

VOTE_REQUEST = OpenApiExample(
    "A vote in a recorded-vote review",
    response_only=True,
    value={
        "id": 2,
        "set_version": "Limited set of GCM indicators (demonstration) v2",
        "set_version_id": 2,
        "state": "in_review",
        "effective_state": "in_review",
        "review_mode": "vote",
        "silence_hours": None,
        "silence_deadline": None,
        "quorum": 5,
        "majority": "simple",
        "note": "",
        "created_at": "2026-11-28T09:00:00Z",
        "submitted_at": "2026-11-28T09:10:00Z",
        "review_opened_at": "2026-11-28T10:00:00Z",
        "decided_at": None,
        "publication": None,
        "votes": [
            {
                "voter": "Eric Mensah",
                "choice": "approve",
                "reason": "",
                "cast_at": "2026-11-28T11:30:00Z",
            }
        ],
        "events": [],
    },
)

CREATE = OpenApiExample(
    "A silence procedure of 72 hours",
    request_only=True,
    value={"set_version": 1, "review_mode": "silence", "silence_hours": 72, "note": "After the first round."},
)

REASON = OpenApiExample(
    "A reason",
    request_only=True,
    value={"reason": "Indicator GCM-05-1 needs the custodian's agreement first."},
)

VOTE = OpenApiExample("Approve", request_only=True, value={"choice": "approve", "reason": ""})
OBJECTION = OpenApiExample(
    "Object, with the reason",
    request_only=True,
    value={"choice": "object", "reason": "The disaggregation plan of GCM-01-2 is not feasible yet."},
)

PUBLICATION = OpenApiExample(
    "The demonstration publication",
    response_only=True,
    value={
        "version": VERSION,
        "published_at": "2026-11-27T00:05:56.616695Z",
        "set_name": "Limited set of GCM indicators (demonstration)",
        "set_version_number": 1,
        "indicator_count": 12,
        "sha256": SHA256,
        "url": f"/api/v1/publications/{VERSION}/",
        "downloads": {fmt: f"/publications/{VERSION}/download/{fmt}/" for fmt in ("csv", "xlsx", "json", "sdmx")},
    },
)

INDICATOR = {
    "code": "GCM-05-1",
    "revision": 1,
    "title": "Countries with migration policies that facilitate orderly, safe, regular and responsible migration",
    "titles": {
        "en": "Countries with migration policies that facilitate orderly, safe, regular and responsible migration",
        "es": "Número de países que han aplicado políticas migratorias bien gestionadas que facilitan la "
        "migración y la movilidad ordenadas, seguras, regulares y responsables de las personas",
        "ru": "Число стран, проводящих миграционную политику, способствующую упорядоченной, безопасной, законной "
        "и ответственной миграции и мобильности людей",
        "zh": "实行有利于有序、安全、正常和负责任的移徙和人口流动的移民政策的国家数目",
    },
    "definition": "Countries with migration policies that facilitate orderly, safe, regular and responsible "
    "migration.",
    "rationale": "Measures progress on GCM objective 5, building on SDG indicator 10.7.2.",
    "unit": "Number",
    "computation_method": "As in the SDG metadata of 10.7.2.",
    "data_sources": "UN Inquiry among Governments on Population and Development",
    "custodians": ["UN DESA", "IOM"],
    "periodicity": "biennial",
    "tier": "tier_1",
    "is_proxy": False,
    "limitations": "",
    "primary_objective": 5,
    "gcm_objectives": [
        {
            "number": 5,
            "primary": True,
            "title": "Enhance availability and flexibility of pathways for regular migration",
        },
        {
            "number": 23,
            "primary": False,
            "title": "Strengthen international cooperation and global partnerships for safe, orderly and regular "
            "migration",
        },
    ],
    "sdg_indicators": [
        {
            "code": "10.7.2",
            "relation": "identical",
            "title": "Number of countries with migration policies that facilitate orderly, safe, regular and "
            "responsible migration and mobility of people",
        }
    ],
    "disaggregation": [],
}

SNAPSHOT = OpenApiExample(
    "A publication's snapshot (one of its indicators shown)",
    response_only=True,
    value={
        "schema": "gcm-indicator-set/1",
        "version": VERSION,
        "published_at": "2026-11-27T00:05:56.616695+00:00",
        "set": {
            "name": "Limited set of GCM indicators (demonstration)",
            "version": 1,
            "frozen_at": "2026-11-26T00:05:53.645652+00:00",
        },
        "indicators": [INDICATOR],
    },
)

PUBLISHED_INDICATOR = OpenApiExample("A published indicator", response_only=True, value=INDICATOR)
