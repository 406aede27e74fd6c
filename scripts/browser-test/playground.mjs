// The GraphQL playground (/graphiql), end to end, in headless Chromium against a
// real server over a real Neo4j holding the sample letter (cmd/lettergraph's
// TestPlaygroundInChromium starts them). Every request to another origin is refused,
// as on a machine without internet access: the page must load with no failed
// request and no console error. It opens two questions of the analysts' guide from
// Examples and gets the guide's answers, takes a list out as CSV and JSON, builds a
// query by ticking fields in the explorer plugin, receives one letterAdded event over
// the websocket, and on a server that refuses anonymous readers enters an API key
// once in the header editor and keeps it across a new tab and a reload.
//
// Environment: LG_URL (a development server with ANONYMOUS_ROLE=reader),
// LG_EDITOR_KEY (an editor's key for it, to add a letter), LG_LOCKED_URL (a
// development server with ANONYMOUS_ROLE=none), LG_API_KEY (a reader's key for it),
// LG_GUIDE (docs/analysts.md), LG_DOCS_SCREENSHOT (where the guide's screenshot is
// written), CHROMIUM, ARTIFACTS_DIR.
import { readFileSync } from "node:fs";
import { Run, TIMEOUT, unkeyed } from "./lib.mjs";

const { LG_URL: url, LG_EDITOR_KEY: editorKey, LG_LOCKED_URL: lockedURL, LG_API_KEY: apiKey, LG_GUIDE: guidePath } = process.env;
const docsScreenshot = process.env.LG_DOCS_SCREENSHOT;
if (!url || !editorKey || !lockedURL || !apiKey || !guidePath) {
  console.error("playground.mjs: LG_URL, LG_EDITOR_KEY, LG_LOCKED_URL, LG_API_KEY and LG_GUIDE are required");
  process.exit(2);
}
const t = new Run("playground");

// The guide's questions with their answers, by title (without the number).
const guide = new Map();
for (const section of readFileSync(guidePath, "utf8").split("\n## ").slice(1)) {
  const title = section
    .slice(0, section.indexOf("\n"))
    .replace(/^\d+\.\s*/, "")
    .trim();
  const answer = /```json answer\n([\s\S]*?)\n```/.exec(section);
  if (answer) guide.set(title, JSON.parse(answer[1]));
}

// Lists sorted, as TestAnalystQuestions compares: the order of equal-ranked
// results follows ids, which differ from one database to the next.
function canonical(v) {
  if (Array.isArray(v)) return v.map(canonical).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, e]) => [k, canonical(e)]));
  return v;
}

const probe = (page, what) => page.evaluate((w) => window.__playground[w](), what);

async function loaded(page) {
  await page.waitForFunction(() => window.__playground?.schema === true, null, { timeout: TIMEOUT });
}

// run presses the execute button and returns the parsed answer once it is shown.
async function run(page) {
  const answered = page.waitForResponse((r) => r.url().endsWith("/graphql") && r.request().method() === "POST", { timeout: TIMEOUT });
  await page.click(".graphiql-execute-button");
  await answered;
  await page.waitForFunction(() => !window.__playground.fetching && window.__playground.response().trim().startsWith("{"), null, {
    timeout: TIMEOUT,
  });
  return JSON.parse(await probe(page, "response"));
}

// type replaces the text of an editor ("query" or "headers") as a user pasting would.
async function type(page, editor, text) {
  if (editor === "headers") await page.click(".graphiql-editor-tools button[data-name=headers]");
  const box =
    editor === "query"
      ? ".graphiql-query-editor .graphiql-editor"
      : "section.graphiql-editor-tool[aria-label=Headers] .graphiql-editor:not(.hidden)";
  await page.click(box);
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(text);
  await page.waitForFunction(([w, v]) => window.__playground[w]().trim() === v.trim(), [editor, text], { timeout: TIMEOUT });
}

async function openPlugin(page, title) {
  const button = page.locator(`.graphiql-sidebar button[aria-label="Show ${title}"]`);
  if ((await button.count()) > 0) await button.click();
}

async function openExample(page, title) {
  await openPlugin(page, "Examples");
  const before = await probe(page, "query");
  await page.locator(".lg-examples button", { hasText: title }).click();
  await page.waitForFunction(([b, q]) => window.__playground.query() !== b && window.__playground.query().includes(q), [before, title], {
    timeout: TIMEOUT,
  });
}

// direct asks the server without the browser, for the answer the playground must show.
async function direct(base, query, key, variables) {
  const res = await fetch(base + "/graphql", {
    method: "POST",
    headers: { "Content-Type": "application/json", ...(key ? { Authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  if (!res.ok) throw new Error(`${query.slice(0, 40)}…: HTTP ${res.status}`);
  return (await res.json()).data;
}

// download clicks a button that saves a file and returns the file's text.
async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent("download", { timeout: TIMEOUT }), page.click(button)]);
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), "utf8") };
}

let error;
try {
  await t.launch();

  t.step = "load";
  const context = await t.context(url, "playground");
  const page = await context.newPage();
  const started = Date.now();
  await page.goto(url + "/graphiql");
  await loaded(page);
  t.log(`the playground loaded with the schema in ${Date.now() - started} ms`);

  t.step = "an example with names";
  const between = "What passed between Ebrahim Khodabandeh and Edi Rama, and was it reciprocal?";
  await openExample(page, between);
  const vars = JSON.parse(await probe(page, "variables"));
  t.check(
    Object.keys(vars).length === 2 && Object.values(vars).every((v) => typeof v === "string" && v && !v.startsWith("@")),
    `the names were not looked up: ${JSON.stringify(vars)}`,
  );
  let answer = await run(page);
  t.eq(canonical(answer.data), canonical(guide.get(between)), `the answer to "${between}"`);
  t.log(`Examples: "${between}" opened with its correspondents' ids and gave the guide's answer`);

  t.step = "an example";
  const copied = "Who was copied on letters to Edi Rama?";
  await openExample(page, copied);
  answer = await run(page);
  t.eq(canonical(answer.data), canonical(guide.get(copied)), `the answer to "${copied}"`);
  t.check(!(await page.locator(".lg-note").count()), "the Examples plugin reports a problem");
  // Away from the editors, whose scroll bars show while the pointer is on them.
  await page.mouse.move(1, 450);
  await page.waitForTimeout(1000);
  // Animations stopped (the schema button spins while the schema loads), so that the
  // guide's picture changes only when the page does.
  await page.screenshot({ path: t.artifact("playground-example.png"), animations: "disabled" });
  // Two of the sidebar's icons (the schema's reload, the shortcuts) are drawn a few
  // pixels differently from run to run: left out of the guide's picture, which
  // should change only when the page does.
  const steady = 'button[aria-label^="Re-fetch"], button[aria-label="Open short keys dialog"] { visibility: hidden; }';
  if (docsScreenshot) await page.screenshot({ path: docsScreenshot, animations: "disabled", style: steady });
  t.log(`Examples: "${copied}" gave the guide's answer; screenshot playground-example.png`);

  t.step = "results out";
  await openPlugin(page, "Results");
  const row = `.lg-results li[data-path="correspondents.nodes"]`;
  await page.waitForSelector(row, { timeout: TIMEOUT });
  const csv = await download(page, `${row} button:text-is("CSV")`);
  const lines = csv.text.split("\r\n");
  const header = lines[0].split(",");
  const cell = (name) => {
    const i = header.indexOf(name);
    t.check(i >= 0, `no column ${name} in ${lines[0]}`);
    return lines[1].split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/)[i].replace(/^"|"$/g, "");
  };
  t.eq(cell("name"), "Edi Rama", "the CSV's name");
  t.eq(
    cell("lettersReceived.nodes.cc.correspondent.name"),
    "Minister of Interior; Foreign Minister; Association for Supporting Iranians Living in Albania; The Media",
    "the CSV's copies, in order",
  );
  t.eq(lines.length, 3, "the CSV's lines (a header, one row, the final line break)");
  const json = await download(page, `${row} button:text-is("JSON")`);
  t.eq(JSON.parse(json.text), answer.data.correspondents.nodes, "the JSON download");
  t.check(csv.name.endsWith(".csv") && json.name.endsWith(".json"), `file names ${csv.name}, ${json.name}`);
  t.log(`Results: ${csv.name} (${lines.length - 2} row, ${header.length} columns) and ${json.name}`);

  t.step = "the query builder";
  await page.click("button.graphiql-tab-add");
  await openPlugin(page, "GraphiQL Explorer");
  await page.locator(".graphiql-explorer-root").waitFor({ timeout: TIMEOUT });
  // Tick statistics, then its letters.
  await page.locator(".graphiql-explorer-root .graphiql-explorer-statistics > span").first().click();
  await page.locator(".graphiql-explorer-root .graphiql-explorer-statistics .graphiql-explorer-letters > span").first().click();
  await page.waitForFunction(() => /statistics\s*{\s*letters\s*}/.test(window.__playground.query()), null, { timeout: TIMEOUT });
  answer = await run(page);
  t.eq(answer.data, await direct(url, "{ statistics { letters } }"), "the built query's answer");
  t.log("Explorer: ticking statistics and letters built the query, and it ran");

  t.step = "a subscription";
  await page.click("button.graphiql-tab-add");
  await type(page, "query", "subscription { letterAdded { title } }");
  const title = `Added while the playground listened ${Date.now()}`;
  await page.click(".graphiql-execute-button");
  // The socket is open once the server has the subscription: add letters until one
  // is seen (one is enough; the loop only covers the socket's start).
  let seen = false;
  for (let i = 0; i < 20 && !seen; i++) {
    await page.waitForTimeout(250);
    await direct(url, 'mutation ($t: String!) { createLetter(input: {title: $t, authors: [{person: {name: "A Playground Tester"}}]}) { created } }',
      editorKey, { t: `${title} #${i}` });
    seen = await page
      .waitForFunction((t) => window.__playground.response().includes(t), title, { timeout: 1000 })
      .then(
        () => true,
        () => false,
      );
  }
  t.check(seen, "no letterAdded event reached the playground");
  const event = JSON.parse(await probe(page, "response"));
  t.check(event.data?.letterAdded?.title?.startsWith(title), `the event: ${JSON.stringify(event)}`);
  t.log(`Subscription: letterAdded "${event.data.letterAdded.title}" arrived over the websocket`);
  await context.close();

  t.step = "an API key";
  const locked = await t.context(lockedURL, "playground (locked)", unkeyed);
  const lp = await locked.newPage();
  await lp.goto(lockedURL + "/graphiql");
  await lp.waitForFunction(() => window.__playground?.fetchError, null, { timeout: TIMEOUT });
  t.log(`without a key the schema is refused: ${(await lp.evaluate(() => window.__playground.fetchError)).slice(0, 80)}`);
  const headers = JSON.stringify({ Authorization: `Bearer ${apiKey}` });
  await type(lp, "headers", headers);
  await loaded(lp); // asked again once the headers changed
  answer = await run(lp);
  t.eq(answer.data, await direct(lockedURL, await probe(lp, "query"), apiKey), "the welcome query's answer with the key");
  await lp.click("button.graphiql-tab-add");
  await lp.waitForFunction((h) => window.__playground.headers().trim() === h, headers, { timeout: TIMEOUT });
  await type(lp, "query", "{ statistics { letters } }");
  answer = await run(lp);
  const stats = await direct(lockedURL, "{ statistics { letters } }", apiKey);
  t.eq(answer.data, stats, "a new tab's answer, with the headers it was given");
  await lp.reload();
  await loaded(lp);
  t.eq((await probe(lp, "headers")).trim(), headers, "the headers after a reload");
  answer = await run(lp);
  t.eq(answer.data, stats, "the answer after a reload");
  const kept = await lp.evaluate(
    (k) => ({ session: JSON.stringify(sessionStorage).includes(k), local: JSON.stringify(localStorage).includes(k) }),
    apiKey,
  );
  t.eq(kept, { session: true, local: false }, "where the key is kept (sessionStorage, never localStorage)");
  await lp.screenshot({ path: t.artifact("playground-key.png") });
  t.log("API key: typed once under Headers; the schema loaded, a new tab and a reload kept it, only in sessionStorage");
  await locked.close();
} catch (e) {
  error = e;
}
await t.finish(error);
