// Records which sources internal/web/dist was built from: a SHA-256 over the files
// that make the pages (index.html, graphiql.html, public/, src/, the build
// configuration, scripts and lock, and docs/analysts.md, whose questions the
// playground offers), written to internal/web/dist.sha256. internal/web's TestDistIsBuiltFromSource
// computes the same hash and fails when the committed dist is stale.
//
// The hash: for each file, in byte order of its path relative to web/, the path, a
// NUL byte, the content and a NUL byte.
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const web = join(dirname(fileURLToPath(import.meta.url)), "..");
const roots = [
  "index.html",
  "graphiql.html",
  "package.json",
  "package-lock.json",
  "tsconfig.json",
  "vite.config.ts",
  "public",
  "src",
  "scripts",
  // The playground's examples are the analysts' guide's questions, bundled.
  "../docs/analysts.md",
];

function files(p) {
  if (!statSync(p).isDirectory()) return [p];
  return readdirSync(p).flatMap((n) => files(join(p, n)));
}

const paths = roots.flatMap((r) => files(join(web, r))).map((p) => relative(web, p).split("\\").join("/"));
paths.sort((a, b) => (Buffer.compare(Buffer.from(a), Buffer.from(b))));
const hash = createHash("sha256");
for (const p of paths) {
  hash.update(p);
  hash.update("\0");
  hash.update(readFileSync(join(web, p)));
  hash.update("\0");
}
const out = join(web, "..", "internal", "web", "dist.sha256");
writeFileSync(out, hash.digest("hex") + "\n");
console.log(`source hash of ${paths.length} files written to ${relative(process.cwd(), out)}`);
