import { gql } from "../api";
import { h, plural } from "../dom";
import { drawNetwork, type Drawing } from "../graph";
import { correspondentFields, displayName, kindLabel, letterDate, letterTitle, type CorrespondentRef, type LetterRef } from "../model";
import { format, letterLink, navigate, networkLink, type EdgeKind, type EdgeRef, type Route } from "../route";
import { errorBox, hook, setState, type View } from "../view";

type NetworkRoute = Extract<Route, { view: "network" }>;

export interface NetNode {
  depth: number;
  correspondent: CorrespondentRef;
}

export interface NetEdge {
  from: string;
  to: string;
  kind: EdgeKind;
  weight: number;
}

interface NetworkData {
  correspondent: CorrespondentRef | null;
  network: { truncated: boolean; nodes: NetNode[]; edges: NetEdge[] };
  timeline: { points: { period: string; letters: number }[]; unplaced: number };
}

// The network, and the years of the centre's dated letters for the date slider, in
// one request.
const networkQuery = `query ExplorerNetwork($center: ID!, $depth: Int!, $from: Date, $to: Date) {
  correspondent(id: $center) { ${correspondentFields} }
  network(center: $center, depth: $depth, dateFrom: $from, dateTo: $to, limit: 150) {
    truncated
    nodes { depth correspondent { ${correspondentFields} } }
    edges { from to kind weight }
  }
  timeline(filter: {involving: [{correspondent: $center}]}, bucket: YEAR) { points { period letters } unplaced }
}`;

interface Pair {
  correspondent: CorrespondentRef;
  letters: number;
  wroteTo: number;
  receivedFrom: number;
  copiedOnMine: number;
  copiedOnTheirs: number;
  copiedAlongside: number;
}

const correspondentQuery = `query ExplorerCorrespondent($id: ID!, $from: Date, $to: Date) {
  correspondent(id: $id) {
    ${correspondentFields}
    correspondents(first: 50, dateFrom: $from, dateTo: $to) {
      nodes { correspondent { ${correspondentFields} } letters wroteTo receivedFrom copiedOnMine copiedOnTheirs copiedAlongside }
      pageInfo { hasNextPage }
    }
  }
}`;

// The letters behind one edge: the author's letters to (or copying) the other.
const edgeQuery = `query ExplorerEdge($author: ID!, $other: ID!, $role: Role!, $from: Date, $to: Date) {
  letters(filter: {involving: [{correspondent: $author, role: AUTHOR}, {correspondent: $other, role: $role}], dateFrom: $from, dateTo: $to},
          orderBy: DATE_ASC, first: 50) {
    totalCount
    nodes { id title date dateText datePrecision }
  }
}`;

const dateFrom = (y?: number) => (y === undefined ? null : `${String(y).padStart(4, "0")}-01-01`);
const dateTo = (y?: number) => (y === undefined ? null : `${String(y).padStart(4, "0")}-12-31`);

function dataKey(r: NetworkRoute): string {
  return [r.id, r.depth, r.from ?? "", r.to ?? ""].join("|");
}

export function edgeKey(e: { from: string; to: string; kind: string }): string {
  return `${e.from}>${e.to}>${e.kind}`;
}

export function edgeVerb(kind: EdgeKind): string {
  return kind === "WROTE_TO" ? "wrote to" : "copied";
}

/** What the correspondent and another shared, in words: "wrote to them 2 · copied by them 1". */
function shared(p: Pair): string {
  const parts: string[] = [];
  if (p.wroteTo) parts.push(`wrote to them ${p.wroteTo}`);
  if (p.receivedFrom) parts.push(`received from them ${p.receivedFrom}`);
  if (p.copiedOnMine) parts.push(`copied them ${p.copiedOnMine}`);
  if (p.copiedOnTheirs) parts.push(`copied by them ${p.copiedOnTheirs}`);
  if (p.copiedAlongside) parts.push(`copied alongside ${p.copiedAlongside}`);
  return parts.length ? parts.join(" · ") : "on the same letters in other roles";
}

export function networkView(root: HTMLElement, first: NetworkRoute): View {
  let route = first;
  let loadedKey = "";
  let data: NetworkData | null = null;
  let drawing: Drawing | null = null;
  let dataCtl = new AbortController();
  let panelCtl = new AbortController();
  let years: number[] = [];

  const title = h("h1", {}, "Network");
  const summary = h("p", { class: "summary", "aria-live": "polite" }, "Loading…");

  const depth = h(
    "select",
    { id: "net-depth", name: "depth" },
    [1, 2, 3].map((d) => h("option", { value: d }, d === 1 ? "1 letter away" : `${d} letters away`)),
  );
  depth.addEventListener("change", () => navigate({ ...route, depth: Number(depth.value), node: undefined, edge: undefined }));

  const dateOn = h("input", { type: "checkbox", id: "net-date-on" });
  const fromRange = h("input", { type: "range", id: "net-from", step: 1 });
  const toRange = h("input", { type: "range", id: "net-to", step: 1 });
  const fromOut = h("output", { for: "net-from", id: "net-from-out" });
  const toOut = h("output", { for: "net-to", id: "net-to-out" });
  const dateNote = h("p", { class: "muted small", id: "net-date-note" });
  const dates = h(
    "fieldset",
    { class: "dates", "aria-describedby": "net-date-note" },
    h("legend", {}, "Dates"),
    h("div", { class: "check" }, dateOn, h("label", { for: "net-date-on" }, "Only letters dated in the range")),
    h("div", { class: "range" }, h("label", { for: "net-from" }, "From"), fromRange, fromOut),
    h("div", { class: "range" }, h("label", { for: "net-to" }, "To"), toRange, toOut),
    dateNote,
  );
  const showYears = () => {
    fromOut.value = fromRange.value;
    toOut.value = toRange.value;
  };
  // The two thumbs cannot cross: moving one past the other pushes it along.
  fromRange.addEventListener("input", () => {
    if (Number(fromRange.value) > Number(toRange.value)) toRange.value = fromRange.value;
    showYears();
  });
  toRange.addEventListener("input", () => {
    if (Number(toRange.value) < Number(fromRange.value)) fromRange.value = toRange.value;
    showYears();
  });
  const applyDates = (on: boolean) => {
    const r: NetworkRoute = { ...route, node: route.node, edge: undefined };
    if (on) {
      r.from = Number(fromRange.value);
      r.to = Number(toRange.value);
    } else {
      delete r.from;
      delete r.to;
    }
    navigate(r, true);
  };
  fromRange.addEventListener("change", () => applyDates(true));
  toRange.addEventListener("change", () => applyDates(true));
  dateOn.addEventListener("change", () => applyDates(dateOn.checked));

  const canvas = h("div", { class: "sigma", id: "net-canvas", role: "img", "aria-label": "Network graph" });
  const legend = h(
    "ul",
    { class: "legend", "aria-label": "Legend" },
    h("li", {}, h("span", { class: "swatch line wrote" }), "wrote to (grey)"),
    h("li", {}, h("span", { class: "swatch line copied" }), "copied, cc (amber, curved)"),
    h("li", {}, h("span", { class: "swatch dot person" }), "person"),
    h("li", {}, h("span", { class: "swatch dot organisation" }), "organisation"),
    h("li", {}, h("span", { class: "swatch dot office" }), "office"),
    h("li", { class: "muted" }, "line width: letters"),
  );
  const panel = h("aside", { class: "panel", id: "net-panel", "aria-live": "polite", "aria-label": "Selection" });
  const nodeList = h("ul", { class: "plain-list pick-list", id: "net-nodes", "aria-label": "Correspondents in the network" });
  const edgeList = h("ul", { class: "plain-list pick-list", id: "net-edges", "aria-label": "Links in the network" });

  root.append(
    h(
      "section",
      { class: "network" },
      h("div", { class: "net-head" }, title, summary),
      h("form", { class: "controls", onsubmit: (e: Event) => e.preventDefault() }, h("div", { class: "depth" }, h("label", { for: "net-depth" }, "Depth"), depth), dates),
      h("div", { class: "net-body" }, h("div", { class: "canvas-wrap" }, canvas, legend), panel),
      h(
        "div",
        { class: "lists" },
        h("section", {}, h("h2", {}, "Correspondents"), nodeList),
        h("section", {}, h("h2", {}, "Links"), edgeList),
      ),
    ),
  );

  const nodeById = () => new Map((data?.network.nodes ?? []).map((n) => [n.correspondent.id, n.correspondent]));
  const nameOf = (id: string) => {
    const c = nodeById().get(id);
    return c ? displayName(c) : id;
  };

  function setYears(points: { period: string }[]) {
    years = points.map((p) => Number(p.period.slice(0, 4))).filter((y) => !Number.isNaN(y));
    const none = years.length === 0;
    const min = none ? 0 : years[0];
    const max = none ? 0 : years[years.length - 1];
    dates.disabled = none && route.from === undefined;
    for (const r of [fromRange, toRange]) {
      r.min = String(Math.min(min, route.from ?? min));
      r.max = String(Math.max(max, route.to ?? max));
    }
    fromRange.value = String(route.from ?? min);
    toRange.value = String(route.to ?? max);
    dateOn.checked = route.from !== undefined;
    showYears();
    if (dates.disabled) fromOut.value = toOut.value = "–";
    dateNote.textContent = none
      ? "No dated letters involve this correspondent, so there is nothing to filter by date."
      : route.from !== undefined
        ? "Undated letters are left out while a range is set."
        : `Dated letters from ${min} to ${max}; undated letters are shown too.`;
  }

  function load() {
    dataCtl.abort();
    dataCtl = new AbortController();
    const ctl = dataCtl;
    const key = dataKey(route);
    loadedKey = key;
    depth.value = String(route.depth);
    setState("loading", "network");
    summary.textContent = "Loading…";
    gql<NetworkData>(
      networkQuery,
      { center: route.id, depth: route.depth, from: dateFrom(route.from), to: dateTo(route.to) },
      ctl.signal,
    ).then(
      (d) => {
        if (ctl.signal.aborted) return;
        if (!d.correspondent) {
          title.textContent = "Network";
          summary.replaceChildren(h("span", { class: "error", role: "alert" }, "There is no correspondent with this id."));
          setState("ready");
          return;
        }
        data = d;
        const name = displayName(d.correspondent);
        title.textContent = `Network of ${name}`;
        document.title = `${name} · lettergraph`;
        const copied = d.network.edges.filter((e) => e.kind === "COPIED").length;
        summary.textContent =
          `${plural(d.network.nodes.length, "correspondent")}, ${plural(d.network.edges.length, "link")} ` +
          `(${copied} copied)` +
          (d.network.truncated ? "; the largest neighbours only (the network is cut at 150)" : "") +
          ".";
        setYears(d.timeline.points);
        render();
        selection();
        setState("ready");
      },
      (e) => {
        if (ctl.signal.aborted) return;
        summary.replaceChildren(errorBox(e, "Loading the network"));
        setState("error");
      },
    );
  }

  function render() {
    if (!data) return;
    drawing?.destroy();
    drawing = drawNetwork(canvas, route.id, data.network.nodes, data.network.edges, {
      clickNode: (id) => navigate({ ...route, node: id, edge: undefined }),
      clickEdge: (e) => navigate({ ...route, node: undefined, edge: e }),
      clickStage: () => {
        if (route.node || route.edge) navigate({ ...route, node: undefined, edge: undefined });
      },
    });
    if (drawing.renderer === "none") {
      canvas.replaceChildren(
        h("p", { class: "error" }, "This browser cannot draw the graph (no WebGL). The lists below show the same network."),
      );
    }
    canvas.setAttribute(
      "aria-label",
      `Network graph of ${nameOf(route.id)}: ${plural(data.network.nodes.length, "correspondent")}, ${plural(data.network.edges.length, "link")}. The lists below hold the same.`,
    );
    nodeList.replaceChildren(
      ...data.network.nodes.map((n) =>
        h(
          "li",
          {},
          h(
            "button",
            { type: "button", class: "link", "data-node": n.correspondent.id, onclick: () => navigate({ ...route, node: n.correspondent.id, edge: undefined }) },
            displayName(n.correspondent),
          ),
          h("span", { class: "muted" }, ` ${kindLabel[n.correspondent.__typename]}${n.depth === 0 ? " · centre" : ""}`),
        ),
      ),
    );
    edgeList.replaceChildren(
      ...data.network.edges.map((e) =>
        h(
          "li",
          {},
          h(
            "button",
            { type: "button", class: "link", "data-edge": edgeKey(e), "data-kind": e.kind, onclick: () => navigate({ ...route, node: undefined, edge: { from: e.from, to: e.to, kind: e.kind } }) },
            `${nameOf(e.from)} ${edgeVerb(e.kind)} ${nameOf(e.to)}`,
          ),
          h("span", { class: "muted" }, ` · ${plural(e.weight, "letter")}`),
        ),
      ),
    );
    hook.network = {
      center: route.id,
      centerName: nameOf(route.id),
      from: route.from,
      to: route.to,
      nodes: data.network.nodes.map((n) => ({ id: n.correspondent.id, name: displayName(n.correspondent), kind: n.correspondent.__typename, depth: n.depth })),
      edges: data.network.edges.map((e) => ({ ...e, size: drawing?.edgeSize(e.weight) ?? 0 })),
      truncated: data.network.truncated,
      renderer: drawing.renderer,
    };
    hook.nodePosition = (id) => drawing?.position(id) ?? null;
    hook.edgePosition = (key) => drawing?.edgePosition(key) ?? null;
  }

  function markSelected() {
    for (const b of nodeList.querySelectorAll<HTMLButtonElement>("button[data-node]")) {
      b.setAttribute("aria-pressed", String(b.dataset.node === route.node));
    }
    const ek = route.edge ? edgeKey(route.edge) : "";
    for (const b of edgeList.querySelectorAll<HTMLButtonElement>("button[data-edge]")) {
      b.setAttribute("aria-pressed", String(b.dataset.edge === ek));
    }
  }

  function selection() {
    panelCtl.abort();
    panelCtl = new AbortController();
    drawing?.select(route.node ?? null, route.edge ? edgeKey(route.edge) : null);
    markSelected();
    if (route.node) nodePanel(route.node, panelCtl.signal);
    else if (route.edge) edgePanel(route.edge, panelCtl.signal);
    else
      panel.replaceChildren(
        h("h2", {}, "Select"),
        h(
          "p",
          {},
          "Click a correspondent to see everyone it shared letters with, or a line to list the letters behind it. The lists below the graph do the same from the keyboard.",
        ),
        h("p", {}, h("a", { href: format({ view: "search", text: nameOf(route.id) }) }, "Search for letters"), " mentioning ", nameOf(route.id), "."),
      );
  }

  function nodePanel(id: string, signal: AbortSignal) {
    panel.replaceChildren(h("h2", {}, nameOf(id)), h("p", { class: "loading" }, "Loading…"));
    gql<{ correspondent: (CorrespondentRef & { correspondents: { nodes: Pair[]; pageInfo: { hasNextPage: boolean } } }) | null }>(
      correspondentQuery,
      { id, from: dateFrom(route.from), to: dateTo(route.to) },
      signal,
    ).then(
      ({ correspondent: c }) => {
        if (signal.aborted) return;
        if (!c) {
          panel.replaceChildren(h("p", { class: "error" }, "There is no such correspondent."));
          return;
        }
        const pairs = c.correspondents.nodes;
        panel.replaceChildren(
          h("h2", {}, displayName(c)),
          h("p", { class: "muted" }, kindLabel[c.__typename], " · ", plural(pairs.length, "correspondent"), c.correspondents.pageInfo.hasNextPage ? " (the first 50)" : ""),
          id !== route.id ? h("p", {}, h("a", { href: networkLink(id), class: "button" }, "Centre the network here")) : "",
          h(
            "ul",
            { class: "pairs", "aria-label": `Correspondents of ${displayName(c)}` },
            pairs.map((p) =>
              h(
                "li",
                { "data-id": p.correspondent.id, "data-letters": p.letters },
                h("a", { href: networkLink(p.correspondent.id) }, displayName(p.correspondent)),
                " ",
                h("span", { class: "count" }, plural(p.letters, "letter")),
                h("div", { class: "muted small" }, shared(p)),
              ),
            ),
          ),
        );
      },
      (e) => {
        if (!signal.aborted) panel.replaceChildren(errorBox(e, "Loading the correspondent"));
      },
    );
  }

  function edgePanel(e: EdgeRef, signal: AbortSignal) {
    const heading = `${nameOf(e.from)} ${edgeVerb(e.kind)} ${nameOf(e.to)}`;
    panel.replaceChildren(h("h2", {}, heading), h("p", { class: "loading" }, "Loading…"));
    gql<{ letters: { totalCount: number; nodes: (LetterRef & { datePrecision: string })[] } }>(
      edgeQuery,
      { author: e.from, other: e.to, role: e.kind === "WROTE_TO" ? "RECIPIENT" : "CC", from: dateFrom(route.from), to: dateTo(route.to) },
      signal,
    ).then(
      ({ letters }) => {
        if (signal.aborted) return;
        panel.replaceChildren(
          h("h2", {}, heading),
          h("p", { class: "muted" }, plural(letters.totalCount, "letter"), letters.totalCount > letters.nodes.length ? ` (the first ${letters.nodes.length}, oldest first)` : ""),
          h(
            "ul",
            { class: "plain-list edge-letters", "aria-label": "Letters behind the link" },
            letters.nodes.map((l) =>
              h("li", { "data-id": l.id }, h("a", { href: letterLink(l.id) }, letterTitle(l)), h("span", { class: "muted" }, ` · ${letterDate(l)}`)),
            ),
          ),
        );
      },
      (err) => {
        if (!signal.aborted) panel.replaceChildren(errorBox(err, "Loading the letters"));
      },
    );
  }

  load();

  return {
    update(next: Route): boolean {
      if (next.view !== "network" || next.id !== route.id) return false;
      route = next;
      if (dataKey(route) !== loadedKey) load();
      else selection();
      return true;
    },
    destroy() {
      dataCtl.abort();
      panelCtl.abort();
      drawing?.destroy();
      delete hook.network;
      hook.nodePosition = () => null;
      hook.edgePosition = () => null;
    },
  };
}
