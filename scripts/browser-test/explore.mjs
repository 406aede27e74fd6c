// The explorer, end to end, in headless Chromium (Debian's, driven by playwright-core)
// against a real server over a real Neo4j holding the sample letter and one dated
// reply (cmd/lettergraph's TestExplorerInChromium starts them). It searches, reads
// the letter, opens Edi Rama's network, clicks on the canvas, moves the date range,
// reloads a shared address, and uses an API key on a server that refuses anonymous
// readers; screenshots go to ARTIFACTS_DIR.
//
// Environment: LG_URL (a development server with ANONYMOUS_ROLE=reader),
// LG_LOCKED_URL (a server with ANONYMOUS_ROLE=none), LG_API_KEY (a reader's key for
// it), CHROMIUM (the browser, default /usr/bin/chromium), ARTIFACTS_DIR.
import { chromium } from "playwright-core";
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";

const url = process.env.LG_URL;
const lockedURL = process.env.LG_LOCKED_URL;
const apiKey = process.env.LG_API_KEY;
const artifacts = process.env.ARTIFACTS_DIR ?? ".";
const executablePath = process.env.CHROMIUM ?? "/usr/bin/chromium";
if (!url || !lockedURL || !apiKey) {
  console.error("explore.mjs: LG_URL, LG_LOCKED_URL and LG_API_KEY are required");
  process.exit(2);
}
mkdirSync(artifacts, { recursive: true });
rmSync(join(artifacts, "explorer-failure.png"), { force: true }); // from an earlier run

const LETTER = "Letter from the CEO of Nejat Society to the Albania PM";
const CC = ["Minister of Interior (Albania)", "Foreign Minister (Albania)", "Association for Supporting Iranians Living in Albania", "The Media"];
const TIMEOUT = 20_000;

let step = "start";
const started = Date.now();
function log(msg) {
  console.log(`[${((Date.now() - started) / 1000).toFixed(1)}s] ${msg}`);
}
function check(cond, msg) {
  if (!cond) throw new Error(`${step}: ${msg}`);
}
function eq(got, want, what) {
  check(JSON.stringify(got) === JSON.stringify(want), `${what}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
}

// The page says it has finished a view with data-state on <html>, and what it drew
// in window.__lettergraph.
async function ready(page, view) {
  await page.waitForFunction(
    (v) => document.documentElement.dataset.view === v && document.documentElement.dataset.state !== "loading",
    view,
    { timeout: TIMEOUT },
  );
  const state = await page.evaluate(() => window.__lettergraph.state);
  if (state !== "ready") {
    const error = await page.evaluate(() => window.__lettergraph.error);
    throw new Error(`${step}: the ${view} view ended in ${state}: ${JSON.stringify(error)}`);
  }
}

const network = (page) => page.evaluate(() => window.__lettergraph.network);
// Edges counted by kind, the kinds in order.
const kinds = (net) => {
  const m = {};
  for (const e of [...net.edges].sort((a, b) => a.kind.localeCompare(b.kind))) m[e.kind] = (m[e.kind] ?? 0) + 1;
  return m;
};

const browser = await chromium.launch({
  executablePath,
  headless: true,
  // WebGL without a GPU: Chromium's software renderer, which it no longer falls
  // back to by itself.
  args: ["--enable-unsafe-swiftshader", "--use-angle=swiftshader", "--ignore-gpu-blocklist"],
});
const problems = [];
let failed = false;
try {
  log(`Chromium ${browser.version()} at ${executablePath}`);
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") problems.push(`console ${m.type()}: ${m.text()}`);
  });
  await page.exposeFunction("__cspViolation", (v) => problems.push(`CSP violation: ${v}`));
  await page.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (e) => window.__cspViolation(`${e.violatedDirective} ${e.blockedURI}`)),
  );

  step = "home";
  await page.goto(url + "/");
  await ready(page, "home");
  check((await page.textContent("main")).includes("Busiest correspondents"), "no busiest correspondents on the home page");
  log("home page loaded");

  step = "search";
  await page.fill("#search-input", "Albania PM");
  await page.press("#search-input", "Enter");
  await ready(page, "search");
  eq(await page.evaluate(() => location.hash), "#/search/Albania%20PM", "the address of the search");
  const hit = page.locator(".results a[data-kind=letter]", { hasText: LETTER });
  check((await hit.count()) === 1, `the search for "Albania PM" does not find "${LETTER}"`);
  log(`search "Albania PM" found "${LETTER}"`);
  await page.screenshot({ path: join(artifacts, "explorer-search.png") });

  step = "letter";
  await hit.click();
  await ready(page, "letter");
  eq(await page.textContent("article h1"), LETTER, "the letter's title");
  eq(await page.locator("ul[aria-label=Authors] > li").allTextContents(), ["Ebrahim Khodabandeh — CEO"], "authors");
  eq(await page.locator("ul[aria-label=Recipients] > li").allTextContents(), ["Edi Rama — Prime Minister of the Republic of Albania"], "recipients");
  eq(await page.locator("ol.cc-list > li").allTextContents(), CC, "cc, in order");
  const body = await page.textContent(".body");
  check(body.startsWith("On behalf of the families") && body.trim().endsWith("hated by all Iranians."), "the body is not the letter's");
  log("letter view: authors, recipients, the four cc and the body");
  await page.screenshot({ path: join(artifacts, "explorer-letter.png"), fullPage: true });

  step = "network";
  await page.click("ul[aria-label=Recipients] a:text('Edi Rama')");
  await ready(page, "network");
  let net = await network(page);
  eq(net.centerName, "Edi Rama", "the network's centre");
  eq(net.renderer, "webgl", "the renderer (sigma needs WebGL)");
  eq(kinds(net), { COPIED: 4, WROTE_TO: 2 }, "edges by kind");
  const byName = Object.fromEntries(net.nodes.map((n) => [n.name, n]));
  for (const name of [...CC, "Ebrahim Khodabandeh"]) check(byName[name], `no node ${name}`);
  const copiedTo = net.edges.filter((e) => e.kind === "COPIED").map((e) => net.nodes.find((n) => n.id === e.to).name).sort();
  eq(copiedTo, [...CC].sort(), "the copied");
  check(net.edges.every((e) => e.size > 0), "an edge without width");
  await page.waitForTimeout(300); // let the first frame be drawn
  await page.screenshot({ path: join(artifacts, "explorer-network.png"), fullPage: true });
  log(`network of Edi Rama: ${net.nodes.length} nodes, edges ${JSON.stringify(kinds(net))}, the four copies drawn; screenshot explorer-network.png`);

  step = "click a node on the canvas";
  const asila = byName["Association for Supporting Iranians Living in Albania"];
  const at = await page.evaluate((id) => window.__lettergraph.nodePosition(id), asila.id);
  check(at, "no position for ASILA's node");
  await page.mouse.click(at.x, at.y);
  await page.waitForFunction((id) => location.hash.includes(`node=${id}`), asila.id, { timeout: TIMEOUT });
  await page.waitForSelector("#net-panel ul.pairs li", { timeout: TIMEOUT });
  const pairs = await page.$$eval("#net-panel ul.pairs li", (lis) => lis.map((li) => [li.querySelector("a").textContent, Number(li.dataset.letters)]));
  check(pairs.some(([n, c]) => n === "Ebrahim Khodabandeh" && c === 1), `ASILA's correspondents: ${JSON.stringify(pairs)}`);
  check(pairs.some(([n, c]) => n === "Edi Rama" && c === 1), `ASILA's correspondents: ${JSON.stringify(pairs)}`);
  log(`clicked ASILA on the canvas: ${pairs.length} correspondents with counts`);

  step = "click an edge on the canvas";
  const ebrahim = byName["Ebrahim Khodabandeh"];
  const foreign = byName["Foreign Minister (Albania)"];
  const copyKey = `${ebrahim.id}>${foreign.id}>COPIED`;
  // Two clicks within sigma's double-click time would zoom in.
  await page.waitForTimeout(500);
  const mid = await page.evaluate((k) => window.__lettergraph.edgePosition(k), copyKey);
  check(mid, "no position for the edge Ebrahim Khodabandeh → Foreign Minister");
  await page.mouse.click(mid.x, mid.y);
  await page.waitForFunction(() => location.hash.includes("edge="), null, { timeout: TIMEOUT });
  const edge = decodeURIComponent(new URL(page.url()).hash.split("edge=")[1]).split(",");
  eq(edge, [ebrahim.id, foreign.id, "COPIED"], "the edge clicked");
  await page.waitForSelector("#net-panel ul.edge-letters li", { timeout: TIMEOUT });
  eq(await page.textContent("#net-panel h2"), "Ebrahim Khodabandeh copied Foreign Minister (Albania)", "the panel of the edge clicked");
  eq(await page.locator("#net-panel ul.edge-letters a").allTextContents(), [LETTER], "the letters behind the edge clicked");
  log("clicked the cc edge Ebrahim Khodabandeh → Foreign Minister on the canvas: it lists the letter");

  step = "the letters of a cc edge";
  await page.click(`#net-edges button[data-edge="${ebrahim.id}>${byName["The Media"].id}>COPIED"]`);
  await page.waitForFunction(() => document.querySelector("#net-panel h2")?.textContent === "Ebrahim Khodabandeh copied The Media", null, { timeout: TIMEOUT });
  await page.waitForSelector("#net-panel ul.edge-letters li", { timeout: TIMEOUT });
  eq(await page.locator("#net-panel ul.edge-letters a").allTextContents(), [LETTER], "the letters behind Ebrahim → The Media");
  await page.waitForTimeout(300); // let the highlight be drawn
  await page.screenshot({ path: join(artifacts, "explorer-edge.png"), fullPage: true });
  log("the cc edge from the list lists the letter; screenshot explorer-edge.png");

  step = "reload the shared address";
  const shared = page.url();
  await page.reload();
  await ready(page, "network");
  await page.waitForSelector("#net-panel ul.edge-letters li", { timeout: TIMEOUT });
  eq(page.url(), shared, "the address after reloading");
  eq(await page.textContent("#net-panel h2"), "Ebrahim Khodabandeh copied The Media", "the selection after reloading");
  eq(kinds(await network(page)), { COPIED: 4, WROTE_TO: 2 }, "edges after reloading");
  log("reloading the address restores the network and the selection");

  step = "date range";
  check(!(await page.isDisabled("#net-date-on")), "the date filter is disabled though Edi Rama has a dated letter");
  eq([await page.inputValue("#net-from"), await page.inputValue("#net-to")], ["2022", "2022"], "the slider's span");
  await page.check("#net-date-on");
  await page.waitForFunction(() => location.hash.includes("from=2022&to=2022"), null, { timeout: TIMEOUT });
  await ready(page, "network");
  await page.waitForFunction(() => window.__lettergraph.network?.from === 2022, null, { timeout: TIMEOUT });
  net = await network(page);
  eq(kinds(net), { WROTE_TO: 1 }, "edges of 2022 (the undated letter left out)");
  eq(net.nodes.map((n) => n.name).sort(), ["Ebrahim Khodabandeh", "Edi Rama"], "nodes of 2022");
  await page.uncheck("#net-date-on");
  await page.waitForFunction(() => window.__lettergraph.network?.from === undefined && window.__lettergraph.state === "ready", null, { timeout: TIMEOUT });
  eq(kinds(await network(page)), { COPIED: 4, WROTE_TO: 2 }, "edges with the range cleared");
  log("the date range filters the network and clearing it brings the copies back");
  await context.close();

  step = "API key";
  const locked = await browser.newContext({ viewport: { width: 1360, height: 900 } });
  const lp = await locked.newPage();
  lp.on("pageerror", (e) => problems.push(`page error (locked): ${e.message}`));
  await lp.goto(lockedURL + "/");
  await lp.waitForFunction(() => document.documentElement.dataset.state === "error", null, { timeout: TIMEOUT });
  eq(await lp.getAttribute("main [role=alert]", "data-code"), "UNAUTHENTICATED", "the error shown without a key");
  check(await lp.evaluate(() => document.getElementById("key").open), "the API key form is not opened");
  await lp.screenshot({ path: join(artifacts, "explorer-unauthenticated.png") });
  await lp.fill("#key-input", apiKey);
  await lp.press("#key-input", "Enter");
  await ready(lp, "home");
  check((await lp.textContent("main")).includes("Busiest correspondents"), "no statistics with the key");
  eq(await lp.evaluate(() => sessionStorage.getItem("lettergraph.apiKey")), apiKey, "the key kept in sessionStorage");
  log("without a key: UNAUTHENTICATED shown; with the key the page reads");
  await locked.close();

  check(problems.length === 0, `the browser reported:\n  ${problems.join("\n  ")}`);
} catch (e) {
  failed = true;
  console.error(`FAIL ${e.message}`);
  for (const p of problems) console.error(`  ${p}`);
  try {
    const pages = browser.contexts().flatMap((c) => c.pages());
    if (pages.length) await pages[0].screenshot({ path: join(artifacts, "explorer-failure.png"), fullPage: true });
  } catch {
    // the failure is reported already
  }
} finally {
  await browser.close();
}
log(failed ? "explorer test failed" : "explorer test passed");
process.exit(failed ? 1 : 0);
