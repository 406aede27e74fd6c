import { defineConfig } from "vite";

// The explorer is built into internal/web/dist, which the Go binary embeds
// (internal/web/web.go) and serves at /. `npm run dev` serves it with hot reload
// and sends /graphql to a server started by `make run` (LETTERGRAPH_URL to change).
export default defineConfig({
  base: "/",
  build: {
    outDir: "../internal/web/dist",
    emptyOutDir: true,
    assetsDir: "assets",
    // One small app: no source maps in the binary, no inlined assets (the page's
    // Content-Security-Policy allows files from the server only).
    sourcemap: false,
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 400,
  },
  server: {
    proxy: { "/graphql": process.env.LETTERGRAPH_URL ?? "http://127.0.0.1:8080" },
  },
});
