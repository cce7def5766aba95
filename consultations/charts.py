"""Server-rendered SVG geometry for the synthesis charts (no JavaScript; CSP forbids inline styles, so the
geometry goes in SVG attributes and the colours in classes of static/consultations/consultations.css)."""

from typing import Any

from consultations.choices import Classification, Constituency, Stance

CHART_WIDTH = 300
SCORE_WIDTH = 200


def stance_segments(totals: dict[str, int]) -> list[dict[str, Any]]:
    """Stacked bar segments, one per stance with at least one organisation."""
    total = sum(totals.values())
    segments, x = [], 0.0
    for stance in Stance:
        count = totals.get(stance.value, 0)
        if not count:
            continue
        width = CHART_WIDTH * count / total
        segments.append(
            {
                "stance": stance.value,
                "label": stance.label,
                "count": count,
                "x": round(x, 1),
                "width": round(width, 1),
            }
        )
        x += width
    return segments


def candidate_charts(synthesis: dict[str, Any] | None) -> list[dict[str, Any]]:
    """Each candidate of a stored synthesis with its chart geometry and labels."""
    if not synthesis:
        return []
    labels = {item["key"]: item["label"] for item in synthesis.get("criteria", [])}
    rows = []
    for candidate in synthesis["candidates"]:
        scores = [
            {
                "label": labels.get(key, key),
                "mean": value["mean"],
                "spread": value["spread"],
                "n": value["n"],
                "width": round(SCORE_WIDTH * (value["mean"] or 0) / 5, 1),
            }
            for key, value in candidate["criteria"].items()
        ]
        rows.append(
            {
                **candidate,
                "segments": stance_segments(candidate["totals"]),
                # JSONB does not keep key order: list the constituencies in their own order.
                "constituencies": [
                    (constituency.label, candidate["counts"].get(constituency.value, {}))
                    for constituency in Constituency
                ],
                "scores": scores,
                "classification_label": Classification(candidate["classification"]).label,
                "oppose_percent": round(100 * candidate["oppose_share"])
                if candidate["oppose_share"] is not None
                else None,
            }
        )
    return rows
