"""The state diagram of approval requests, drawn from the transitions declared on the model.

`dot_source()` is Graphviz DOT (django-fsm's graph_transitions); `svg_source()` is a small layered drawing
that needs no Graphviz binary, so that the diagram can be regenerated on any machine.
"""

from html import escape

from django_fsm.management.commands.graph_transitions import generate_dot, one_fsm_fields_data

from approvals.choices import RequestState
from approvals.models import ApprovalRequest

NODE_W, NODE_H, GAP_X, GAP_Y, MARGIN = 130, 40, 130, 30, 20


def transitions() -> list[tuple[str, str, str]]:
    """(source, target, transition name) for every declared transition, in a stable order."""
    field = ApprovalRequest._meta.get_field("state")
    edges = {
        (str(t.source), str(t.target), t.name)
        for t in field.get_all_transitions(ApprovalRequest)  # type: ignore[attr-defined]
    }
    return sorted(edges)


def dot_source() -> str:
    return generate_dot([one_fsm_fields_data(ApprovalRequest, "state")]).source


def _layers(edges: list[tuple[str, str, str]]) -> dict[str, int]:
    layer = dict.fromkeys(RequestState.values, 0)
    for _round in RequestState.values:  # longest path: the graph is acyclic
        for source, target, _name in edges:
            layer[target] = max(layer[target], layer[source] + 1)
    return layer


def svg_source() -> str:
    edges = transitions()
    layer = _layers(edges)
    columns: dict[int, list[str]] = {}
    for state in RequestState.values:
        columns.setdefault(layer[state], []).append(state)
    tallest = max(len(states) for states in columns.values())
    height = MARGIN * 2 + tallest * NODE_H + (tallest - 1) * GAP_Y + 90
    width = MARGIN * 2 + len(columns) * NODE_W + (len(columns) - 1) * GAP_X
    position: dict[str, tuple[int, int]] = {}
    for column, states in columns.items():
        top = MARGIN + (tallest - len(states)) * (NODE_H + GAP_Y) // 2
        for index, state in enumerate(states):
            position[state] = (MARGIN + column * (NODE_W + GAP_X), top + index * (NODE_H + GAP_Y))
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="12" role="img" '
        'aria-label="State diagram of approval requests">',
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#333"/></marker></defs>',
    ]
    bottom = height - 14
    skips = 0
    for source, target, name in edges:
        (sx, sy), (tx, ty) = position[source], position[target]
        x1, y1, x2, y2 = sx + NODE_W, sy + NODE_H // 2, tx, ty + NODE_H // 2
        if layer[target] - layer[source] == 1:
            path = f"M{x1},{y1} L{x2},{y2}"
            label_x, label_y = (x1 + x2) // 2, (y1 + y2) // 2 - 5
        else:  # a skip edge runs below the columns it jumps over
            x1, y1, x2, y2 = sx + NODE_W // 2 + 10 * skips, sy + NODE_H, tx, ty + NODE_H // 2 + 8
            path = f"M{x1},{y1} C{x1},{bottom} {x2 - GAP_X},{bottom} {x2 - GAP_X // 2},{y2} L{x2},{y2}"
            label_x, label_y = (x1 + x2) // 2 - GAP_X // 2, bottom - 30 - 14 * skips
            skips += 1
        parts.append(f'<path d="{path}" fill="none" stroke="#333" marker-end="url(#arrow)"/>')
        parts.append(f'<text x="{label_x}" y="{label_y}" text-anchor="middle" fill="#444">{escape(name)}</text>')
    for state, (x, y) in position.items():
        final = not any(source == state for source, _t, _n in edges)
        fill, stroke = ("#e8f1e8", 2) if final else ("#fff", 1)
        parts.append(
            f'<rect x="{x}" y="{y}" width="{NODE_W}" height="{NODE_H}" rx="8" fill="{fill}" '
            f'stroke="#333" stroke-width="{stroke}"/>'
        )
        parts.append(
            f'<text x="{x + NODE_W // 2}" y="{y + NODE_H // 2 + 4}" text-anchor="middle">{escape(state)}</text>'
        )
    parts.append("</svg>")
    return "\n".join(parts) + "\n"
