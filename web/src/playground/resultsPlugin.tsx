// "Results": the lists in the answer on screen, each to download as CSV (for a
// spreadsheet) or JSON (for a notebook). It reads the response editor, so it offers
// whatever the last run showed, a subscription's latest event included.
import { useEffect, useMemo, useState } from "react";
import { useGraphiQL, type GraphiQLPlugin } from "@graphiql/react";
import { fileName, lists, toCSV, toJSON } from "./results";

function download(name: string, type: string, content: string) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function Results() {
  const responseEditor = useGraphiQL((s) => s.responseEditor);
  const operationName = useGraphiQL((s) => s.operationName);
  const [text, setText] = useState(() => responseEditor?.getValue() ?? "");
  useEffect(() => {
    if (!responseEditor) return;
    setText(responseEditor.getValue());
    const sub = responseEditor.onDidChangeModelContent(() => setText(responseEditor.getValue()));
    return () => sub.dispose();
  }, [responseEditor]);
  const found = useMemo(() => {
    try {
      return lists(JSON.parse(text));
    } catch {
      return [];
    }
  }, [text]);

  return (
    <section className="lg-plugin" aria-label="Results">
      <div className="graphiql-doc-explorer-title">Results</div>
      <p>
        Each list in the answer, one row per element: nested fields become columns (<code>authors.correspondent.name</code>), the values of
        a nested list are joined with “; ”. One page is what the answer holds; for every letter of a selection, use <code>/export/csv</code>{" "}
        or <code>/export/ndjson</code> (docs/exports.md).
      </p>
      {found.length === 0 ? (
        <p className="lg-note">Run a query whose answer has a list, and it is offered here.</p>
      ) : (
        <ul className="lg-results">
          {found.map((l) => (
            <li key={l.path} data-path={l.path}>
              <code>{l.path || "data"}</code>{" "}
              <span>
                ({l.items.length} {l.items.length === 1 ? "row" : "rows"})
              </span>
              <button
                type="button"
                onClick={() => download(fileName(l.path, operationName ?? undefined, "csv"), "text/csv;charset=utf-8", toCSV(l.items))}
              >
                CSV
              </button>
              <button
                type="button"
                onClick={() => download(fileName(l.path, operationName ?? undefined, "json"), "application/json", toJSON(l.items))}
              >
                JSON
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Icon() {
  // A tray with an arrow down.
  return (
    <svg viewBox="0 0 24 24" width="1em" height="1em" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden="true">
      <path d="M12 3v12m-5-5 5 5 5-5M4 17v3h16v-3" />
    </svg>
  );
}

export const resultsPlugin: GraphiQLPlugin = { title: "Results", icon: Icon, content: Results };
