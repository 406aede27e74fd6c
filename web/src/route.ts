// The view is in the URL's fragment, so a link can be shared and a reload restores it:
//
//   #/                                   home
//   #/search/<text>                      search results
//   #/network/<id>?depth=2&from=2019&to=2022&node=<id>&edge=<from>,<to>,<kind>
//   #/letter/<id>                        one letter

export type EdgeKind = "WROTE_TO" | "COPIED";

export interface EdgeRef {
  from: string;
  to: string;
  kind: EdgeKind;
}

export type Route =
  | { view: "home" }
  | { view: "search"; text: string }
  | { view: "network"; id: string; depth: number; from?: number; to?: number; node?: string; edge?: EdgeRef }
  | { view: "letter"; id: string }
  | { view: "unknown"; hash: string };

function year(v: string | null): number | undefined {
  if (v === null || !/^-?\d{1,4}$/.test(v)) return undefined;
  return Number(v);
}

export function parse(hash: string): Route {
  const h = hash.replace(/^#/, "");
  const q = h.indexOf("?");
  const path = q < 0 ? h : h.slice(0, q);
  const params = new URLSearchParams(q < 0 ? "" : h.slice(q + 1));
  const parts = path.split("/").filter((p) => p !== "");
  let segs: string[];
  try {
    segs = parts.map(decodeURIComponent);
  } catch {
    return { view: "unknown", hash };
  }
  if (segs.length === 0) return { view: "home" };
  const [view, arg] = segs;
  if (view === "search" && segs.length >= 2) return { view: "search", text: segs.slice(1).join("/") };
  if (view === "letter" && segs.length === 2) return { view: "letter", id: arg };
  if (view === "network" && segs.length === 2) {
    const depth = Math.min(3, Math.max(1, Number(params.get("depth")) || 1));
    const r: Route = { view: "network", id: arg, depth };
    const from = year(params.get("from"));
    const to = year(params.get("to"));
    if (from !== undefined && to !== undefined) {
      r.from = Math.min(from, to);
      r.to = Math.max(from, to);
    }
    const node = params.get("node");
    if (node) r.node = node;
    const edge = params.get("edge")?.split(",");
    if (edge && edge.length === 3 && (edge[2] === "WROTE_TO" || edge[2] === "COPIED")) {
      r.edge = { from: edge[0], to: edge[1], kind: edge[2] };
    }
    return r;
  }
  return { view: "unknown", hash };
}

export function format(r: Route): string {
  switch (r.view) {
    case "home":
      return "#/";
    case "search":
      return `#/search/${encodeURIComponent(r.text)}`;
    case "letter":
      return `#/letter/${encodeURIComponent(r.id)}`;
    case "network": {
      const p: string[] = [];
      if (r.depth !== 1) p.push(`depth=${r.depth}`);
      if (r.from !== undefined && r.to !== undefined) p.push(`from=${r.from}`, `to=${r.to}`);
      if (r.node) p.push(`node=${encodeURIComponent(r.node)}`);
      if (r.edge) p.push(`edge=${[r.edge.from, r.edge.to, r.edge.kind].map(encodeURIComponent).join(",")}`);
      return `#/network/${encodeURIComponent(r.id)}${p.length ? "?" + p.join("&") : ""}`;
    }
    case "unknown":
      return r.hash;
  }
}

/** Goes to r: a new history entry, or with replace the current one changed. */
export function navigate(r: Route, replace = false): void {
  const hash = format(r);
  if (hash === location.hash || (hash === "#/" && location.hash === "")) return;
  if (replace) {
    history.replaceState(null, "", hash);
    window.dispatchEvent(new HashChangeEvent("hashchange"));
  } else {
    location.hash = hash;
  }
}

export function networkLink(id: string): string {
  return format({ view: "network", id, depth: 1 });
}

export function letterLink(id: string): string {
  return format({ view: "letter", id });
}
