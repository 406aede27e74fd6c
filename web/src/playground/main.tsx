// The analysts' playground at /graphiql: GraphiQL, bundled with everything it needs
// (no request leaves this server), with the query builder (the explorer plugin),
// the analysts' guide's questions as examples, and a way to take a list out of an
// answer as CSV or JSON. See docs/analysts.md.
import "./workers";
import "graphiql/style.css";
import "@graphiql/plugin-explorer/style.css";
import "./playground.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { GraphiQL } from "graphiql";
import { HISTORY_PLUGIN } from "@graphiql/plugin-history";
import { explorerPlugin } from "@graphiql/plugin-explorer";
import { fetcher } from "./fetcher";
import { examplesPlugin } from "./examplesPlugin";
import { resultsPlugin } from "./resultsPlugin";
import { SessionHeaders, storage } from "./session";
import { Probe } from "./probe";

const plugins = [examplesPlugin, explorerPlugin({ showAttribution: false }), HISTORY_PLUGIN, resultsPlugin];

const DEFAULT_QUERY = `# lettergraph's GraphQL playground.
#
# Examples (the lightbulb on the left): the analysts'
#   questions, ready to run.
# Explorer (the folder): build a query by ticking fields.
# Results (the arrow down): a list of the answer as CSV
#   or JSON.
# Run with Ctrl-Enter. An API key goes under Headers,
# once: {"Authorization": "Bearer lgk_..."}

{
  letters(first: 5) {
    totalCount
    nodes { title date authors { correspondent { name } } }
  }
}
`;

function Playground() {
  return (
    <GraphiQL
      fetcher={fetcher(window.location)}
      plugins={plugins}
      storage={storage}
      shouldPersistHeaders
      defaultQuery={DEFAULT_QUERY}
      defaultEditorToolsVisibility="headers"
    >
      <GraphiQL.Logo>lettergraph</GraphiQL.Logo>
      <GraphiQL.Toolbar>
        {({ prettify, merge, copy }) => (
          <>
            {prettify}
            {merge}
            {copy}
            <SessionHeaders />
            <Probe />
          </>
        )}
      </GraphiQL.Toolbar>
    </GraphiQL>
  );
}

createRoot(document.getElementById("graphiql") as HTMLElement).render(
  <StrictMode>
    <Playground />
  </StrictMode>,
);
