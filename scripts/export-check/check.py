#!/usr/bin/env python3
"""Read lettergraph's network exports with networkx and print what it found.

    python3 scripts/export-check/check.py FILE.graphml FILE.gexf ...

For each file (GraphML by .graphml, GEXF by .gexf) prints one line of JSON:
{"file": ..., "format": ..., "graph": "MultiDiGraph", "nodes": N, "edges": M,
 "kinds": {"WROTE_TO": a, "COPIED": b}, "weight": W}, where kinds counts the edges
of each kind and weight adds up their weights. Exits 1 when a file cannot be read.
A second reader that is not ours: cmd/lettergraph's TestExportReadByNetworkx
compares its counts with the database's (docs/exports.md).
"""
import json
import sys

import networkx as nx


def read(path):
    if path.endswith(".graphml"):
        # Parallel edges (WROTE_TO and COPIED between one pair) make a multigraph.
        return "graphml", nx.read_graphml(path, force_multigraph=True)
    if path.endswith(".gexf"):
        return "gexf", nx.read_gexf(path, version="1.3")
    raise ValueError(f"{path}: not .graphml or .gexf")


def main(paths):
    if not paths:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    for path in paths:
        try:
            fmt, g = read(path)
        except Exception as e:  # noqa: BLE001 - report any reader failure as such
            print(f"{path}: {e}", file=sys.stderr)
            return 1
        kinds = {}
        weight = 0
        for _, _, data in g.edges(data=True):
            # GraphML carries the kind as an attribute, GEXF as the label.
            kind = data.get("kind") or data.get("label")
            kinds[kind] = kinds.get(kind, 0) + 1
            weight += data.get("weight", 0)
        print(json.dumps({"file": path, "format": fmt, "graph": type(g).__name__,
                          "nodes": g.number_of_nodes(), "edges": g.number_of_edges(),
                          "kinds": kinds, "weight": int(weight)}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
