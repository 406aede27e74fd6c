// Draws a network with sigma.js over a graphology graph: correspondents as discs
// coloured by kind, WROTE_TO edges as grey arrows (straight, or bent a little when
// letters went both ways) and COPIED (cc) edges as curved amber arrows, each as wide
// as its letter count makes it.

import { EdgeCurvedArrowProgram } from "@sigma/edge-curve";
import { MultiDirectedGraph } from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
import Sigma from "sigma";
import { EdgeArrowProgram } from "sigma/rendering";
import { displayName, edgeColor, kindColor } from "./model";
import type { EdgeRef } from "./route";
import type { NetEdge, NetNode } from "./views/network";

export interface Drawing {
  renderer: "webgl" | "none";
  /** Highlights a node and its links, or one edge (by edgeKey), or nothing. */
  select(node: string | null, edge: string | null): void;
  /** The node's position on the page in CSS pixels, or null. */
  position(id: string): { x: number; y: number } | null;
  /** The middle of an edge (by edgeKey) as drawn, on the page in CSS pixels, or null. */
  edgePosition(key: string): { x: number; y: number } | null;
  edgeSize(weight: number): number;
  destroy(): void;
}

export interface Handlers {
  clickNode(id: string): void;
  clickEdge(e: EdgeRef): void;
  clickStage(): void;
}

/** Edge width: 2 px for one letter, growing with the logarithm of the count, at most 12. */
export function edgeSize(weight: number): number {
  return Math.min(12, 2 + 2 * Math.log2(Math.max(1, weight)));
}

function segmentDistance(x: number, y: number, a: { x: number; y: number }, b: { x: number; y: number }): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  const u = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - a.x) * dx + (y - a.y) * dy) / len2));
  return Math.hypot(x - (a.x + u * dx), y - (a.y + u * dy));
}

const DIM = "#e2e8f0";
const COPIED_CURVATURE = 0.25;
const RECIPROCAL_CURVATURE = 0.12;

export function drawNetwork(container: HTMLElement, center: string, nodes: NetNode[], edges: NetEdge[], on: Handlers): Drawing {
  const graph = new MultiDirectedGraph();
  // Rings by depth, each ring ordered by kind and name, so one network is always
  // drawn the same way; larger networks are then spread by ForceAtlas2.
  const rings = new Map<number, NetNode[]>();
  for (const n of nodes) rings.set(n.depth, [...(rings.get(n.depth) ?? []), n]);
  const letters = new Map<string, number>();
  for (const e of edges) {
    letters.set(e.from, (letters.get(e.from) ?? 0) + e.weight);
    letters.set(e.to, (letters.get(e.to) ?? 0) + e.weight);
  }
  for (const [depth, ring] of rings) {
    ring.sort((a, b) => a.correspondent.__typename.localeCompare(b.correspondent.__typename) || a.correspondent.name.localeCompare(b.correspondent.name));
    ring.forEach((n, i) => {
      const angle = (2 * Math.PI * i) / ring.length + depth * 0.4 - Math.PI / 2;
      const r = depth === 0 && ring.length === 1 ? 0 : 10 * Math.max(depth, 0.5);
      const c = n.correspondent;
      graph.addNode(c.id, {
        x: r * Math.cos(angle),
        y: r * Math.sin(angle),
        size: c.id === center ? 16 : Math.min(14, 7 + 1.5 * Math.log2(1 + (letters.get(c.id) ?? 0))),
        label: displayName(c),
        color: kindColor[c.__typename],
        kind: c.__typename,
        depth: n.depth,
        zIndex: c.id === center ? 2 : 1,
      });
    });
  }
  const wrote = new Set(edges.filter((e) => e.kind === "WROTE_TO").map((e) => `${e.from}>${e.to}`));
  for (const e of edges) {
    if (!graph.hasNode(e.from) || !graph.hasNode(e.to)) continue;
    // Copies curve; letters each way between two bend apart a little, so that both
    // show; the rest are straight.
    const curvature = e.kind === "COPIED" ? COPIED_CURVATURE : wrote.has(`${e.to}>${e.from}`) ? RECIPROCAL_CURVATURE : 0;
    graph.addDirectedEdgeWithKey(`${e.from}>${e.to}>${e.kind}`, e.from, e.to, {
      size: edgeSize(e.weight),
      color: edgeColor[e.kind],
      type: curvature ? "curved" : "straight",
      curvature,
      kind: e.kind,
      weight: e.weight,
    });
  }
  if (graph.order > 2) {
    forceAtlas2.assign(graph, { iterations: 150, settings: { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 200 } });
  }

  let selectedNode: string | null = null;
  let selectedEdge: string | null = null;
  let neighbours = new Set<string>();

  let sigma: Sigma;
  try {
    sigma = new Sigma(graph, container, {
      defaultEdgeType: "straight",
      edgeProgramClasses: { straight: EdgeArrowProgram, curved: EdgeCurvedArrowProgram },
      enableEdgeEvents: true,
      renderEdgeLabels: false,
      labelRenderedSizeThreshold: 0,
      labelDensity: 1,
      labelFont: "system-ui, -apple-system, 'Segoe UI', sans-serif",
      labelSize: 13,
      labelColor: { color: "#0f172a" },
      zIndex: true,
      stagePadding: 60,
      minCameraRatio: 0.1,
      maxCameraRatio: 4,
      nodeReducer: (node, attrs) => {
        if (!selectedNode && !selectedEdge) return attrs;
        const on = node === selectedNode || neighbours.has(node);
        return on ? { ...attrs, highlighted: node === selectedNode, zIndex: 3 } : { ...attrs, color: DIM, label: attrs.label, zIndex: 0 };
      },
      edgeReducer: (edge, attrs) => {
        if (selectedEdge) return edge === selectedEdge ? { ...attrs, zIndex: 3 } : { ...attrs, color: DIM, zIndex: 0 };
        if (selectedNode) {
          const [s, t] = graph.extremities(edge);
          return s === selectedNode || t === selectedNode ? { ...attrs, zIndex: 3 } : { ...attrs, color: DIM, zIndex: 0 };
        }
        return attrs;
      },
    });
  } catch (e) {
    console.warn("sigma: cannot draw the network", e);
    return {
      renderer: "none",
      select: () => {},
      position: () => null,
      edgePosition: () => null,
      edgeSize,
      destroy: () => graph.clear(),
    };
  }

  sigma.on("clickNode", ({ node }) => on.clickNode(node));
  sigma.on("clickEdge", ({ edge }) => {
    const [from, to] = graph.extremities(edge);
    on.clickEdge({ from, to, kind: graph.getEdgeAttribute(edge, "kind") });
  });
  // Lines a few pixels wide are hard to hit, and sigma picks at half resolution: a
  // click on the stage within a few pixels of an edge is taken as a click on it.
  sigma.on("clickStage", ({ event }) => {
    const near = nearestEdge(event.x, event.y);
    if (near) {
      const [from, to] = graph.extremities(near);
      on.clickEdge({ from, to, kind: graph.getEdgeAttribute(near, "kind") });
    } else on.clickStage();
  });
  for (const ev of ["enterNode", "enterEdge"] as const) sigma.on(ev, () => container.classList.add("pointing"));
  for (const ev of ["leaveNode", "leaveEdge"] as const) sigma.on(ev, () => container.classList.remove("pointing"));

  // An edge as drawn, in the container's pixels: from s to t, through the control
  // point c of the quadratic Bézier that @sigma/edge-curve draws (off the middle by
  // curvature times the edge turned a quarter; a straight edge has it in the middle).
  function geometry(key: string) {
    const [s, t] = graph.extremities(key).map((n) => sigma.framedGraphToViewport(sigma.getNodeDisplayData(n)!));
    const k = graph.getEdgeAttribute(key, "curvature") as number;
    const c = { x: (s.x + t.x) / 2 + (t.y - s.y) * k, y: (s.y + t.y) / 2 - (t.x - s.x) * k };
    const at = (u: number) => ({
      x: (1 - u) ** 2 * s.x + 2 * (1 - u) * u * c.x + u ** 2 * t.x,
      y: (1 - u) ** 2 * s.y + 2 * (1 - u) * u * c.y + u ** 2 * t.y,
    });
    return at;
  }

  function nearestEdge(x: number, y: number, within = 6): string | null {
    let best: string | null = null;
    let bestDistance = within;
    graph.forEachEdge((key) => {
      const at = geometry(key);
      let prev = at(0);
      for (let i = 1; i <= 24; i++) {
        const next = at(i / 24);
        const d = segmentDistance(x, y, prev, next);
        if (d < bestDistance) {
          bestDistance = d;
          best = key;
        }
        prev = next;
      }
    });
    return best;
  }

  return {
    renderer: "webgl",
    select(node, edge) {
      selectedNode = node && graph.hasNode(node) ? node : null;
      selectedEdge = edge && graph.hasEdge(edge) ? edge : null;
      neighbours = new Set(selectedNode ? graph.neighbors(selectedNode) : selectedEdge ? graph.extremities(selectedEdge) : []);
      sigma.refresh({ skipIndexation: true });
    },
    position(id) {
      const d = sigma.getNodeDisplayData(id);
      if (!d) return null;
      const p = sigma.framedGraphToViewport(d);
      const box = container.getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y };
    },
    edgePosition(key) {
      if (!graph.hasEdge(key)) return null;
      const m = geometry(key)(0.5);
      const box = container.getBoundingClientRect();
      return { x: box.left + m.x, y: box.top + m.y };
    },
    edgeSize,
    destroy() {
      sigma.kill();
      graph.clear();
    },
  };
}
