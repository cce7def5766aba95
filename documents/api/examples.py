"""Examples of the documents API, taken from the demonstration data."""

from drf_spectacular.utils import OpenApiExample

DOCUMENT = OpenApiExample(
    "A queued consultation report",
    response_only=True,
    value={
        "id": 4,
        "kind": "consultation_report",
        "language": "en",
        "publication_version": "2026.1",
        "publication_sha256": "83897299cf9f26c5f7be3d6b57a4c525644dbcb1b5341ca83afeaae46ff337bc",
        "round": 1,
        "state": "queued",
        "progress_done": 0,
        "progress_total": 0,
        "percent": 0,
        "document_date": None,
        "archive_format": "docx",
        "error": "",
        "created_at": "2026-11-27T22:32:07.965520Z",
        "finished_at": None,
        "pdf_url": None,
        "file_url": None,
    },
)

QUEUED = OpenApiExample("Queued for the worker", response_only=True, status_codes=["202"], value=DOCUMENT.value)

DOCUMENT_REQUEST = OpenApiExample(
    "A consultation report in English",
    request_only=True,
    value={"kind": "consultation_report", "language": "en", "publication": "2026.1", "round": 1},
)

EVIDENCE = OpenApiExample(
    "Evidence of a 60-indicator publication (two dimensions shown)",
    response_only=True,
    value={
        "publication": "2026.1",
        "dimensions": [
            {"code": "sex", "name": "Sex", "required": 52, "recommended": 6, "with_source": 40, "gap": 12},
            {
                "code": "migratory_status",
                "name": "Migratory status",
                "required": 48,
                "recommended": 10,
                "with_source": 30,
                "gap": 18,
            },
        ],
        "gaps": [{"code": "migratory_status", "gap": 18}, {"code": "sex", "gap": 12}],
        "not_by_migratory_status": ["GCM-05-1", "GCM-08-1"],
        "indicators": 60,
    },
)
