"""Examples of the consultations API, taken from the demonstration data."""

from drf_spectacular.utils import OpenApiExample

ROUND = OpenApiExample(
    "One consultation round",
    response_only=True,
    value={
        "id": 1,
        "title": "First consultation on the draft limited set (demonstration)",
        "instructions": "Comment on each candidate and on the set as a whole. **Demonstration data.**",
        "set_version": 1,
        "state": "synthesised",
        "opens_at": "2026-10-28T22:32:01.564399Z",
        "closes_at": "2026-11-25T22:32:01.564399Z",
        "accepting_comments": False,
        "criteria": [
            {"key": "relevance", "label": "Relevance to the objective"},
            {"key": "soundness", "label": "Methodological soundness"},
            {"key": "availability", "label": "Data availability"},
            {"key": "disaggregation", "label": "Feasibility of disaggregation"},
        ],
        "green_max_oppose": "0.25",
        "grey_min_oppose": "0.50",
        "hide_organisation_names": False,
    },
)

COMMENT = OpenApiExample(
    "One comment with its disposition",
    response_only=True,
    value={
        "id": 1,
        "submission": 1,
        "submission_state": "submitted",
        "organisation": "Mexico",
        "revision": 2,
        "kind": "technical",
        "stance": "support",
        "text": "Mexico on GCM-01-2: demonstration comment (support).",
        "text_html": "<p>Mexico on GCM-01-2: demonstration comment (support).</p>",
        "proposed_change": "",
        "ratings": {"relevance": 3, "soundness": 2, "availability": 1},
        "disposition": {
            "outcome": "accepted",
            "reason": "Demonstration answer: considered by the co-leads.",
            "implemented_by": 2,
            "decided_at": "2026-11-27T22:32:03.008965Z",
        },
        "created_at": "2026-11-27T22:32:01.574809Z",
        "updated_at": "2026-11-27T22:32:01.574816Z",
    },
)

NEW_COMMENT = OpenApiExample(
    "A comment on one candidate",
    request_only=True,
    value={
        "revision": 2,
        "kind": "technical",
        "stance": "support_with_changes",
        "text": "Disaggregate by citizenship as well.",
        "proposed_change": "Add citizenship to the required dimensions.",
        "ratings": {"relevance": 5, "availability": 3},
    },
)
DISPOSITION = OpenApiExample(
    "The co-leads' answer",
    value={"outcome": "accepted", "reason": "Added in revision 2.", "implemented_by": 2, "decided_at": None},
)
SUBMISSION = OpenApiExample(
    "A submitted official position",
    response_only=True,
    value={
        "id": 1,
        "round": 1,
        "organisation": "Mexico",
        "state": "submitted",
        "supersedes": None,
        "submitted_by": 4,
        "submitted_at": "2026-11-20T10:00:00Z",
        "comments": 3,
    },
)

SYNTHESIS = OpenApiExample(
    "A synthesis (one candidate shown)",
    response_only=True,
    value={
        "criteria": [
            {"key": "relevance", "label": "Relevance to the objective"},
            {"key": "soundness", "label": "Methodological soundness"},
            {"key": "availability", "label": "Data availability"},
            {"key": "disaggregation", "label": "Feasibility of disaggregation"},
        ],
        "candidates": [
            {
                "code": "SET",
                "title": "The set as a whole",
                "counts": {
                    "others": {"oppose": 0, "support": 0, "no_opinion": 0, "support_with_changes": 0},
                    "un_entities": {"oppose": 0, "support": 1, "no_opinion": 0, "support_with_changes": 0},
                    "civil_society": {"oppose": 0, "support": 1, "no_opinion": 0, "support_with_changes": 0},
                    "member_states": {"oppose": 0, "support": 2, "no_opinion": 0, "support_with_changes": 0},
                },
                "totals": {"oppose": 0, "support": 4, "no_opinion": 0, "support_with_changes": 0},
                "comments": 4,
                "criteria": {
                    "relevance": {"n": 0, "mean": None, "spread": 0.0},
                    "soundness": {"n": 0, "mean": None, "spread": 0.0},
                    "availability": {"n": 0, "mean": None, "spread": 0.0},
                    "disaggregation": {"n": 0, "mean": None, "spread": 0.0},
                },
                "opposing": 0,
                "responding": 4,
                "revision_id": None,
                "oppose_share": 0.0,
                "classification": "green",
            }
        ],
        "thresholds": {"grey_min": 0.5, "green_max": 0.25},
        "computed_at": "2026-11-27T22:32:03.229618+00:00",
        "organisations": 4,
    },
)
