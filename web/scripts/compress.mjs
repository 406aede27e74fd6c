// Stores the built assets compressed: each file under internal/web/dist/assets of
// more than 1 KiB whose type compresses (scripts, stylesheets, fonts, images in
// SVG) is replaced by its gzip ("x.js" by "x.js.gz"). The binary embeds them so, and
// internal/web serves the compressed bytes to browsers (Content-Encoding: gzip) and
// inflates them for the rare client that takes no gzip. GraphiQL's editor makes
// most of the playground's 7 MB; compressed it costs the binary about a third.
import { gzipSync, constants } from "node:zlib";
import { readFileSync, readdirSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname, extname, join } from "node:path";
import { fileURLToPath } from "node:url";

const assets = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "internal", "web", "dist", "assets");
const compressible = new Set([".js", ".css", ".ttf", ".svg", ".json", ".map", ".txt"]);
let before = 0;
let after = 0;
let count = 0;
for (const name of readdirSync(assets)) {
  const path = join(assets, name);
  const size = statSync(path).size;
  if (!compressible.has(extname(name)) || size <= 1024) continue;
  // Level 9 and no name or time in the header: the same input gives the same bytes.
  const gz = gzipSync(readFileSync(path), { level: constants.Z_BEST_COMPRESSION });
  writeFileSync(path + ".gz", gz);
  unlinkSync(path);
  before += size;
  after += gz.length;
  count++;
}
const mb = (n) => (n / 1e6).toFixed(2);
console.log(`compressed ${count} assets: ${mb(before)} MB to ${mb(after)} MB`);
