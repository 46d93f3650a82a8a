"""`commap graph`: the map's graph as GraphML (yEd, Gephi), Mermaid (wikis) or node-link JSON."""
from __future__ import annotations

import io

import networkx as nx

from audit.graph import MapGraph
from reports.json import dumps


def export_graph(graph: MapGraph) -> nx.DiGraph:
    """A copy with only scalar attributes: kind, label, and the edge's kind and condition text."""
    out = nx.DiGraph()
    for node_id, data in sorted(graph.graph.nodes(data=True)):
        record = data["record"]
        out.add_node(node_id, kind=data["kind"], label=getattr(record, "label", node_id))
    for a, b, data in sorted(graph.graph.edges(data=True), key=lambda e: (e[0], e[1])):
        attrs = {"kind": data.get("kind", "")}
        if data.get("kind") == "next":
            successor = graph.graph.nodes[b]["record"]
            attrs["condition"] = successor.condition_text or ""
        if data.get("kind") == "integration":
            attrs["carries"] = ", ".join(sorted(data.get("carries", ())))
        out.add_edge(a, b, **attrs)
    return out


def to_graphml(graph: MapGraph) -> str:
    buffer = io.BytesIO()
    nx.write_graphml(export_graph(graph), buffer, encoding="utf-8")
    return buffer.getvalue().decode("utf-8")


def to_json(graph: MapGraph) -> str:
    data = nx.node_link_data(export_graph(graph), edges="links")
    return dumps(data, sort_keys=True)


def _mermaid_text(text: str) -> str:
    """A label inside double quotes: quotes and angle brackets become Mermaid entity codes."""
    return (text.replace("&", "#amp;").replace('"', "#quot;").replace("<", "#lt;").replace(">", "#gt;")
            .replace("\n", " "))


def to_mermaid(graph: MapGraph) -> str:
    """Stages left to right with their transitions; each stage's scenarios inside it."""
    ids: dict[str, str] = {}

    def ident(node_id: str) -> str:
        return ids.setdefault(node_id, f"n{len(ids) + 1}")

    m = graph.map
    lines = ["flowchart LR"]
    by_stage: dict[str, list] = {}
    loose = []
    for scenario in m.scenarios:
        key = scenario.stage and scenario.stage.strip().casefold()
        stage = graph.stages.get(key) if key else None
        (by_stage.setdefault(stage.key, []) if stage else loose).append(scenario)
    for stage in m.stages:
        sid = ident(f"stage:{stage.key}")
        lines.append(f'  subgraph {sid}["{_mermaid_text(stage.label)}"]')
        for scenario in by_stage.get(stage.key, []):
            lines.append(f'    {ident("scenario:" + scenario.key)}["{_mermaid_text(scenario.label)}"]')
        lines.append("  end")
    for scenario in loose:
        lines.append(f'  {ident("scenario:" + scenario.key)}["{_mermaid_text(scenario.label)}"]')
    for a, b, data in graph.graph.edges(data=True):
        if data.get("kind") == "stage":
            lines.append(f"  {ident(a)} --> {ident(b)}")
    return "\n".join(lines) + "\n"


EXPORTERS = {"graphml": to_graphml, "mermaid": to_mermaid, "json": to_json}
