import { defineConfig } from "vite";

// Two pages, built into internal/web/dist, which the Go binary embeds
// (internal/web/web.go): the explorer (index.html, served at /) and the GraphQL
// playground (graphiql.html, served at /graphiql). `npm run dev` serves them with hot
// reload and sends /graphql to a server started by `make run` (LETTERGRAPH_URL to
// change).
export default defineConfig({
  base: "/",
  build: {
    outDir: "../internal/web/dist",
    emptyOutDir: true,
    assetsDir: "assets",
    // No source maps in the binary, no inlined assets (the pages'
    // Content-Security-Policy allows files from the server only).
    sourcemap: false,
    assetsInlineLimit: 0,
    // GraphiQL's editor (Monaco) is one large chunk, loaded by the playground only.
    chunkSizeWarningLimit: 5000,
    rollupOptions: {
      input: { explorer: "index.html", playground: "graphiql.html" },
      // React libraries mark modules "use client", which means nothing in a bundle.
      onwarn(warning, warn) {
        if (warning.code !== "MODULE_LEVEL_DIRECTIVE") warn(warning);
      },
    },
  },
  worker: { format: "es" },
  server: {
    proxy: {
      "/graphql": { target: process.env.LETTERGRAPH_URL ?? "http://127.0.0.1:8080", ws: true },
    },
  },
});
