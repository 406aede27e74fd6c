// "Examples": the analysts' guide's questions (docs/analysts.md), one click from a
// tab holding the question, its query and its variables. Variables written "@Name"
// in the guide are looked up by name on this server when the example is opened, so
// each example runs as it is on the data the server holds.
import { useState } from "react";
import { useGraphiQL, useGraphiQLActions, type GraphiQLPlugin } from "@graphiql/react";
import type { Fetcher } from "@graphiql/toolkit";
import guide from "../../../docs/analysts.md?raw";
import { examples, namedIds, pickId, type Example } from "./examples";
import { currentHeaders } from "./session";

const all = examples(guide);

const LOOKUP = `query ($name: String!) { correspondents(filter: {name: $name}, first: 10) { nodes { id name } } }`;

type Found = { data?: { correspondents?: { nodes: { id: string; name: string }[] } } | null; errors?: { message: string }[] };

// lookUp asks through the playground's own fetcher, so with the headers of the tab.
async function lookUp(fetcher: Fetcher, name: string, headers: Record<string, string>): Promise<string> {
  const body = (await fetcher({ query: LOOKUP, variables: { name } }, { headers })) as Found;
  if (body.errors?.length) throw new Error(body.errors[0].message);
  const id = pickId(name, body.data?.correspondents?.nodes ?? []);
  if (!id) throw new Error(`no correspondent named “${name}” here`);
  return id;
}

/** resolve returns the variables with each "@Name" replaced by that correspondent's id, and what could not be. */
async function resolve(
  fetcher: Fetcher,
  variables: string,
  headers: Record<string, string>,
): Promise<{ text: string; problems: string[] }> {
  const names = namedIds(variables);
  if (names.size === 0) return { text: variables, problems: [] };
  const vars = JSON.parse(variables) as Record<string, unknown>;
  const problems: string[] = [];
  for (const [k, name] of names) {
    try {
      vars[k] = await lookUp(fetcher, name, headers);
    } catch (e) {
      problems.push(`${name}: ${(e as Error).message}`);
    }
  }
  return { text: JSON.stringify(vars, null, 2), problems };
}

function Examples() {
  const { addTab } = useGraphiQLActions();
  const queryEditor = useGraphiQL((s) => s.queryEditor);
  const variableEditor = useGraphiQL((s) => s.variableEditor);
  const headerEditor = useGraphiQL((s) => s.headerEditor);
  const defaultQuery = useGraphiQL((s) => s.defaultQuery);
  const fetcher = useGraphiQL((s) => s.fetcher);
  const [note, setNote] = useState<string[]>([]);
  const [busy, setBusy] = useState("");

  async function open(ex: Example) {
    setBusy(ex.title);
    const { text, problems } = await resolve(fetcher, ex.variables, currentHeaders(headerEditor?.getValue()));
    setBusy("");
    setNote(problems);
    // A new tab unless this one is still the welcome text or empty.
    const here = queryEditor?.getValue().trim() ?? "";
    if (here !== "" && here !== defaultQuery?.trim()) addTab();
    queryEditor?.setValue(`# ${ex.title}\n${ex.query}\n`);
    variableEditor?.setValue(text);
  }

  return (
    <section className="lg-plugin" aria-label="Examples">
      <div className="graphiql-doc-explorer-title">Examples</div>
      <p>
        The questions of the analysts’ guide. Open one, then run it (Ctrl-Enter). Correspondents the variables name are looked up here when
        it opens.
      </p>
      {note.length > 0 && (
        <p className="lg-note" role="status">
          Could not look up {note.join("; ")}. A server that refuses anonymous readers needs your key under Headers first.
        </p>
      )}
      <ol className="lg-examples">
        {all.map((ex) => (
          <li key={ex.title}>
            <button type="button" onClick={() => void open(ex)} disabled={busy !== ""}>
              {ex.title}
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}

function Icon() {
  // A lightbulb.
  return (
    <svg viewBox="0 0 24 24" width="1em" height="1em" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden="true">
      <path d="M9 18h6M10 21h4M12 3a6 6 0 0 0-3.5 10.9c.6.5 1 1.2 1 2V16h5v-.1c0-.8.4-1.5 1-2A6 6 0 0 0 12 3z" />
    </svg>
  );
}

export const examplesPlugin: GraphiQLPlugin = { title: "Examples", icon: Icon, content: Examples };
