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
import { Run, TIMEOUT, unkeyed } from "./lib.mjs";

const url = process.env.LG_URL;
const lockedURL = process.env.LG_LOCKED_URL;
const apiKey = process.env.LG_API_KEY;
if (!url || !lockedURL || !apiKey) {
  console.error("explore.mjs: LG_URL, LG_LOCKED_URL and LG_API_KEY are required");
  process.exit(2);
}
const t = new Run("explorer");
const { log, check, eq } = t;

const LETTER = "Letter from the CEO of Nejat Society to the Albania PM";
const CC = ["Minister of Interior (Albania)", "Foreign Minister (Albania)", "Association for Supporting Iranians Living in Albania", "The Media"];

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
    throw new Error(`${t.step}: the ${view} view ended in ${state}: ${JSON.stringify(error)}`);
  }
}

const network = (page) => page.evaluate(() => window.__lettergraph.network);
// Edges counted by kind, the kinds in order.
const kinds = (net) => {
  const m = {};
  for (const e of [...net.edges].sort((a, b) => a.kind.localeCompare(b.kind))) m[e.kind] = (m[e.kind] ?? 0) + 1;
  return m;
};

let error;
try {
  await t.launch();
  const context = await t.context(url, "explorer");
  const page = await context.newPage();

  t.step = "home";
  await page.goto(url + "/");
  await ready(page, "home");
  check((await page.textContent("main")).includes("Busiest correspondents"), "no busiest correspondents on the home page");
  log("home page loaded");

  t.step = "search";
  await page.fill("#search-input", "Albania PM");
  await page.press("#search-input", "Enter");
  await ready(page, "search");
  eq(await page.evaluate(() => location.hash), "#/search/Albania%20PM", "the address of the search");
  const hit = page.locator(".results a[data-kind=letter]", { hasText: LETTER });
  check((await hit.count()) === 1, `the search for "Albania PM" does not find "${LETTER}"`);
  log(`search "Albania PM" found "${LETTER}"`);
  await page.screenshot({ path: t.artifact("explorer-search.png") });

  t.step = "letter";
  await hit.click();
  await ready(page, "letter");
  eq(await page.textContent("article h1"), LETTER, "the letter's title");
  eq(await page.locator("ul[aria-label=Authors] > li").allTextContents(), ["Ebrahim Khodabandeh — CEO"], "authors");
  eq(await page.locator("ul[aria-label=Recipients] > li").allTextContents(), ["Edi Rama — Prime Minister of the Republic of Albania"], "recipients");
  eq(await page.locator("ol.cc-list > li").allTextContents(), CC, "cc, in order");
  const body = await page.textContent(".body");
  check(body.startsWith("On behalf of the families") && body.trim().endsWith("hated by all Iranians."), "the body is not the letter's");
  log("letter view: authors, recipients, the four cc and the body");
  await page.screenshot({ path: t.artifact("explorer-letter.png"), fullPage: true });

  t.step = "network";
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
  await page.screenshot({ path: t.artifact("explorer-network.png"), fullPage: true });
  log(`network of Edi Rama: ${net.nodes.length} nodes, edges ${JSON.stringify(kinds(net))}, the four copies drawn; screenshot explorer-network.png`);

  t.step = "click a node on the canvas";
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

  t.step = "click an edge on the canvas";
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

  t.step = "the letters of a cc edge";
  await page.click(`#net-edges button[data-edge="${ebrahim.id}>${byName["The Media"].id}>COPIED"]`);
  await page.waitForFunction(() => document.querySelector("#net-panel h2")?.textContent === "Ebrahim Khodabandeh copied The Media", null, { timeout: TIMEOUT });
  await page.waitForSelector("#net-panel ul.edge-letters li", { timeout: TIMEOUT });
  eq(await page.locator("#net-panel ul.edge-letters a").allTextContents(), [LETTER], "the letters behind Ebrahim → The Media");
  await page.waitForTimeout(300); // let the highlight be drawn
  await page.screenshot({ path: t.artifact("explorer-edge.png"), fullPage: true });
  log("the cc edge from the list lists the letter; screenshot explorer-edge.png");

  t.step = "reload the shared address";
  const shared = page.url();
  await page.reload();
  await ready(page, "network");
  await page.waitForSelector("#net-panel ul.edge-letters li", { timeout: TIMEOUT });
  eq(page.url(), shared, "the address after reloading");
  eq(await page.textContent("#net-panel h2"), "Ebrahim Khodabandeh copied The Media", "the selection after reloading");
  eq(kinds(await network(page)), { COPIED: 4, WROTE_TO: 2 }, "edges after reloading");
  log("reloading the address restores the network and the selection");

  t.step = "date range";
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

  t.step = "API key";
  const locked = await t.context(lockedURL, "explorer (locked)", unkeyed);
  const lp = await locked.newPage();
  await lp.goto(lockedURL + "/");
  await lp.waitForFunction(() => document.documentElement.dataset.state === "error", null, { timeout: TIMEOUT });
  eq(await lp.getAttribute("main [role=alert]", "data-code"), "UNAUTHENTICATED", "the error shown without a key");
  check(await lp.evaluate(() => document.getElementById("key").open), "the API key form is not opened");
  await lp.screenshot({ path: t.artifact("explorer-unauthenticated.png") });
  await lp.fill("#key-input", apiKey);
  await lp.press("#key-input", "Enter");
  await ready(lp, "home");
  check((await lp.textContent("main")).includes("Busiest correspondents"), "no statistics with the key");
  eq(await lp.evaluate(() => sessionStorage.getItem("lettergraph.apiKey")), apiKey, "the key kept in sessionStorage");
  log("without a key: UNAUTHENTICATED shown; with the key the page reads");
  await locked.close();
} catch (e) {
  error = e;
}
await t.finish(error);
