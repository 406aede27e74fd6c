import { gql } from "../api";
import { h } from "../dom";
import { correspondentFields, displayName, kindLabel, letterDate, letterTitle, type CorrespondentRef } from "../model";
import { letterLink, networkLink } from "../route";
import { errorBox, setState, type View } from "../view";

interface LetterRefLite {
  id: string;
  title: string | null;
  stub: boolean;
}

interface LetterData {
  letter: null | {
    id: string;
    title: string | null;
    subject: string | null;
    body: string | null;
    date: string | null;
    dateText: string | null;
    datePrecision: string;
    placeText: string | null;
    source: string | null;
    stub: boolean;
    writtenAt: { name: string; country: string | null } | null;
    onBehalfOf: { id: string; name: string }[];
    authors: { capacity: string | null; correspondent: CorrespondentRef }[];
    recipients: { as: string | null; correspondent: CorrespondentRef }[];
    cc: { position: number; correspondent: CorrespondentRef }[];
    repliesTo: LetterRefLite[];
    replies: LetterRefLite[];
    related: LetterRefLite[];
  };
}

// A list of a letter shows at most listSize items (the API returns 20 unless asked,
// and refuses more than 1,000); a list that comes back full says so.
const listSize = 200;

const query = `query ExplorerLetter($id: ID!, $n: Int = ${listSize}) {
  letter(id: $id) {
    id title subject body date dateText datePrecision placeText source stub
    writtenAt { name country }
    onBehalfOf(first: $n) { id name }
    authors(first: $n) { capacity correspondent { ${correspondentFields} } }
    recipients(first: $n) { as correspondent { ${correspondentFields} } }
    cc(first: $n) { position correspondent { ${correspondentFields} } }
    repliesTo(first: $n) { id title stub }
    replies(first: $n) { id title stub }
    related(first: $n) { id title stub }
  }
}`;

/** A note under a list that may hold more than the page shows. */
function more(list: unknown[]): HTMLElement | null {
  return list.length >= listSize ? h("p", { class: "muted" }, `The first ${listSize} are shown.`) : null;
}

function who(c: CorrespondentRef, note?: string | null): HTMLElement {
  return h(
    "li",
    {},
    h("a", { href: networkLink(c.id), title: `The network of ${displayName(c)} (${kindLabel[c.__typename]})` }, displayName(c)),
    note ? h("span", { class: "muted" }, ` — ${note}`) : null,
  );
}

function letters(title: string, ls: LetterRefLite[]): HTMLElement | null {
  if (ls.length === 0) return null;
  return h(
    "section",
    { class: "related" },
    h("h2", {}, title),
    h(
      "ul",
      { class: "plain-list" },
      ls.map((l) => h("li", {}, h("a", { href: letterLink(l.id) }, letterTitle(l)), l.stub ? h("span", { class: "muted" }, " (known by title only)") : null)),
    ),
    more(ls),
  );
}

export function letterView(root: HTMLElement, id: string): View {
  const ctl = new AbortController();
  const body = h("div", { class: "loading" }, "Loading the letter…");
  root.append(h("article", { class: "letter" }, body));
  setState("loading", "letter");
  gql<LetterData>(query, { id }, ctl.signal).then(
    ({ letter: l }) => {
      if (!l) {
        body.replaceWith(h("p", { class: "error", role: "alert" }, "There is no letter with this id (or you may not read it)."));
        setState("ready");
        return;
      }
      document.title = `${letterTitle(l)} · lettergraph`;
      const place = l.writtenAt ? [l.writtenAt.name, l.writtenAt.country].filter(Boolean).join(", ") : l.placeText;
      body.replaceWith(
        h(
          "div",
          {},
          h("h1", {}, letterTitle(l)),
          h("p", { class: "meta" }, letterDate(l), place ? ` · written at ${place}` : null, l.stub ? " · known only by reference" : null),
          l.subject && l.subject !== l.title ? h("p", { class: "subject" }, "Subject: ", l.subject) : null,
          h(
            "dl",
            { class: "parties" },
            h("dt", {}, "From"),
            h(
              "dd",
              {},
              h(
                "ul",
                { class: "plain-list", "aria-label": "Authors" },
                l.authors.map((a) => who(a.correspondent, a.capacity)),
              ),
              more(l.authors),
              l.onBehalfOf.length
                ? h("p", { class: "muted" }, "on behalf of ", l.onBehalfOf.map((o) => o.name).join(", "))
                : null,
            ),
            h("dt", {}, "To"),
            h(
              "dd",
              {},
              l.recipients.length
                ? h("ul", { class: "plain-list", "aria-label": "Recipients" }, l.recipients.map((r) => who(r.correspondent, r.as)))
                : "—",
              more(l.recipients),
            ),
            h("dt", {}, "Cc"),
            h(
              "dd",
              {},
              l.cc.length ? h("ol", { class: "cc-list", "aria-label": "Copied" }, l.cc.map((c) => who(c.correspondent))) : "—",
              more(l.cc),
            ),
          ),
          l.body ? h("div", { class: "body", tabindex: 0, "aria-label": "Text of the letter" }, l.body) : h("p", { class: "muted" }, "No text."),
          l.source ? h("p", { class: "muted source" }, "Source: ", l.source) : null,
          letters("Replies to", l.repliesTo),
          letters("Replies", l.replies),
          letters("Related letters", l.related),
        ),
      );
      setState("ready");
    },
    (e) => {
      if (ctl.signal.aborted) return;
      body.replaceWith(errorBox(e, "Loading the letter"));
      setState("error");
    },
  );
  return { update: () => false, destroy: () => ctl.abort() };
}
