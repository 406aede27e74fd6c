import { gql } from "../api";
import { h, plural } from "../dom";
import { correspondentFields, displayName, kindLabel, type CorrespondentRef } from "../model";
import { format, networkLink } from "../route";
import { errorBox, setState, type View } from "../view";

interface HomeData {
  statistics: {
    letters: number;
    stubs: number;
    persons: number;
    organisations: number;
    offices: number;
    topCorrespondents: { letters: number; correspondent: CorrespondentRef }[];
  };
}

const query = `query ExplorerHome {
  statistics {
    letters stubs persons organisations offices
    topCorrespondents(first: 12) { letters correspondent { ${correspondentFields} } }
  }
}`;

export function homeView(root: HTMLElement): View {
  const ctl = new AbortController();
  const body = h("div", { class: "loading" }, "Loading…");
  root.append(
    h(
      "section",
      { class: "home" },
      h("h1", {}, "Explore the letters"),
      h(
        "p",
        { class: "lead" },
        "Search for a correspondent or a letter, open a correspondent’s network to see who wrote to whom and who was copied, and read the letters behind each link. Every view has its own address: copy it to share what you see. Try ",
        h("a", { href: format({ view: "search", text: "Albania PM" }) }, "Albania PM"),
        " or ",
        h("a", { href: format({ view: "search", text: "Edi Rama" }) }, "Edi Rama"),
        ".",
      ),
      body,
    ),
  );
  setState("loading", "home");
  gql<HomeData>(query, {}, ctl.signal).then(
    ({ statistics: s }) => {
      const top = s.topCorrespondents;
      body.replaceWith(
        h(
          "div",
          {},
          h(
            "p",
            { class: "stats" },
            `${plural(s.letters - s.stubs, "letter")}${s.stubs ? ` (and ${s.stubs} known only by reference)` : ""}, ` +
              `${plural(s.persons, "person")}, ${plural(s.organisations, "organisation")}, ${plural(s.offices, "office")}.`,
          ),
          top.length
            ? h(
                "section",
                {},
                h("h2", {}, "Busiest correspondents"),
                h(
                  "ul",
                  { class: "plain-list" },
                  top.map((t) =>
                    h(
                      "li",
                      {},
                      h("a", { href: networkLink(t.correspondent.id) }, displayName(t.correspondent)),
                      h("span", { class: "muted" }, ` ${kindLabel[t.correspondent.__typename]} · ${plural(t.letters, "letter")}`),
                    ),
                  ),
                ),
              )
            : h("p", {}, "The graph has no letters yet."),
        ),
      );
      setState("ready");
    },
    (e) => {
      if (ctl.signal.aborted) return;
      body.replaceWith(errorBox(e, "Loading the statistics"));
      setState("error");
    },
  );
  return { update: () => false, destroy: () => ctl.abort() };
}
