// Monaco runs its language services in web workers. Vite bundles each worker as a
// file of its own under /assets/ (the `?worker` imports), so they load from the
// server like every other file and the page's Content-Security-Policy can say
// worker-src 'self'. This is graphiql/setup-workers/vite without its console line.
import JsonWorker from "monaco-editor/esm/vs/language/json/json.worker.js?worker";
import GraphQLWorker from "monaco-graphql/esm/graphql.worker.js?worker";
import EditorWorker from "monaco-editor/esm/vs/editor/editor.worker.js?worker";

Object.assign(globalThis, {
  MonacoEnvironment: {
    getWorker(_id: string, label: string) {
      switch (label) {
        case "json":
          return new JsonWorker();
        case "graphql":
          return new GraphQLWorker();
      }
      return new EditorWorker();
    },
  },
});
