import { gql } from "../api";
import { excerpt, h } from "../dom";
import { displayName, kindLabel, letterDate, letterTitle, type Kind } from "../model";
import { letterLink, networkLink } from "../route";
import { errorBox, setState, type View } from "../view";

interface Hit {
  score: number;
  excerpt: string | null;
  node:
    | { __typename: "Letter"; id: string; title: string | null; date: string | null; dateText: string | null }
    | { __typename: Kind; id: string; name: string; organisation?: { name: string } | null }
    | { __typename: "Place"; id: string };
}

const query = `query ExplorerSearch($text: String!) {
  search(text: $text, first: 30) {
    score excerpt
    node {
      __typename id
      ... on Letter { title date dateText }
      ... on Correspondent { name }
      ... on Office { organisation { name } }
    }
  }
}`;

export function searchView(root: HTMLElement, text: string): View {
  const ctl = new AbortController();
  const results = h("div", { class: "loading" }, "Searching…");
  root.append(h("section", { class: "search" }, h("h1", {}, "Results for “", text, "”"), results));
  setState("loading", "search");
  gql<{ search: Hit[] }>(query, { text }, ctl.signal).then(
    ({ search }) => {
      const hits = search.filter((s) => s.node.__typename !== "Place");
      results.replaceWith(
        hits.length === 0
          ? h("p", { class: "empty" }, "Nothing found. Every word must occur; word* matches a prefix.")
          : h("ol", { class: "results", "aria-label": "Search results" }, hits.map(hitItem)),
      );
      setState("ready");
    },
    (e) => {
      if (ctl.signal.aborted) return;
      results.replaceWith(errorBox(e, "The search"));
      setState("error");
    },
  );
  return { update: () => false, destroy: () => ctl.abort() };
}

function hitItem(hit: Hit): HTMLElement {
  const n = hit.node;
  let link: HTMLElement;
  let kind: string;
  if (n.__typename === "Letter") {
    kind = "letter";
    link = h("a", { href: letterLink(n.id), "data-kind": "letter" }, letterTitle(n));
  } else if (n.__typename === "Place") {
    kind = "place";
    link = h("span", {}, n.id);
  } else {
    kind = kindLabel[n.__typename];
    link = h("a", { href: networkLink(n.id), "data-kind": kind }, displayName(n));
  }
  return h(
    "li",
    { class: "result" },
    h("span", { class: `badge badge-${kind}` }, kind),
    " ",
    link,
    n.__typename === "Letter" ? h("span", { class: "muted" }, ` · ${letterDate(n)}`) : null,
    hit.excerpt ? h("p", { class: "excerpt" }, excerpt(hit.excerpt)) : null,
  );
}
