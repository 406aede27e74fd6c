// What the browser test reads of the playground, in window.__playground: the
// editors' text, whether a request is running, and whether the schema has loaded or
// failed to. Monaco draws only the lines in view, so the page's text is not the
// answer.
import { useEffect } from "react";
import { useGraphiQL } from "@graphiql/react";

export interface PlaygroundProbe {
  query(): string;
  variables(): string;
  headers(): string;
  response(): string;
  fetching: boolean;
  schema: boolean;
  fetchError: string | null;
}

declare global {
  interface Window {
    __playground?: PlaygroundProbe;
  }
}

/** Probe keeps window.__playground current. Renders nothing. */
export function Probe() {
  const queryEditor = useGraphiQL((s) => s.queryEditor);
  const variableEditor = useGraphiQL((s) => s.variableEditor);
  const headerEditor = useGraphiQL((s) => s.headerEditor);
  const responseEditor = useGraphiQL((s) => s.responseEditor);
  const isFetching = useGraphiQL((s) => s.isFetching);
  const schema = useGraphiQL((s) => s.schema);
  const fetchError = useGraphiQL((s) => s.fetchError);
  useEffect(() => {
    window.__playground = {
      query: () => queryEditor?.getValue() ?? "",
      variables: () => variableEditor?.getValue() ?? "",
      headers: () => headerEditor?.getValue() ?? "",
      response: () => responseEditor?.getValue() ?? "",
      fetching: isFetching,
      schema: !!schema,
      fetchError,
    };
  }, [queryEditor, variableEditor, headerEditor, responseEditor, isFetching, schema, fetchError]);
  return null;
}
