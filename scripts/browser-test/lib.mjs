// What the browser tests share: Chromium (Debian's, through playwright-core, which
// downloads no browser), a context whose every request to another origin is refused
// and reported, and a list of what the browser complained about: page errors,
// console errors and warnings, Content-Security-Policy violations, failed requests.
import { chromium } from "playwright-core";
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";

export const TIMEOUT = 20_000;

/**
 * unkeyed is the response a server that refuses anonymous readers gives a page's
 * request made without a key (401 at /graphql): expected before the key is given,
 * a problem after.
 */
export const unkeyed = (r) => r.status() === 401 && r.url().endsWith("/graphql") && !r.request().headers().authorization;

/** A test's steps, its log and its checks. */
export class Run {
  constructor(name) {
    this.name = name;
    this.step = "start";
    this.started = Date.now();
    this.problems = [];
    this.artifacts = process.env.ARTIFACTS_DIR ?? ".";
    mkdirSync(this.artifacts, { recursive: true });
    rmSync(join(this.artifacts, `${name}-failure.png`), { force: true }); // from an earlier run
  }
  // Bound, so that a script may take them apart: const { log, check, eq } = run.
  log = (msg) => {
    console.log(`[${((Date.now() - this.started) / 1000).toFixed(1)}s] ${msg}`);
  };
  check = (cond, msg) => {
    if (!cond) throw new Error(`${this.step}: ${msg}`);
  };
  eq = (got, want, what) => {
    this.check(JSON.stringify(got) === JSON.stringify(want), `${what}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
  };
  artifact(file) {
    return join(this.artifacts, file);
  }

  /** launch starts headless Chromium, with WebGL from its software renderer (no GPU here). */
  async launch() {
    const executablePath = process.env.CHROMIUM ?? "/usr/bin/chromium";
    this.browser = await chromium.launch({
      executablePath,
      headless: true,
      args: ["--enable-unsafe-swiftshader", "--use-angle=swiftshader", "--ignore-gpu-blocklist"],
    });
    this.log(`Chromium ${this.browser.version()} at ${executablePath}`);
    return this.browser;
  }

  /**
   * context opens a browser context that reaches only origin: every other request
   * is aborted and reported, as on a machine without internet access. Problems
   * from its pages are reported under label; allow(response) returns true for an
   * HTTP error status the step expects, and then Chromium's console line for that
   * status is expected too.
   */
  async context(origin, label, allow = () => false) {
    const context = await this.browser.newContext({ viewport: { width: 1360, height: 900 }, deviceScaleFactor: 1 });
    const own = new URL(origin).host;
    await context.route("**/*", (route) => {
      const u = new URL(route.request().url());
      if (u.host === own) return route.continue();
      this.problems.push(`${label}: a request left the server's origin: ${route.request().url()}`);
      return route.abort("blockedbyclient");
    });
    context.on("page", (page) => this.watch(page, label, allow));
    await context.exposeBinding("__cspViolation", (_src, v) => this.problems.push(`${label}: CSP violation: ${v}`));
    await context.addInitScript(() =>
      document.addEventListener("securitypolicyviolation", (e) => window.__cspViolation(`${e.violatedDirective} ${e.blockedURI}`)),
    );
    return context;
  }

  watch(page, label, allow) {
    // Chromium logs each HTTP error status on the console without saying which
    // request it was: as many such lines are expected as responses were allowed.
    const expected = new Map();
    page.on("pageerror", (e) => this.problems.push(`${label}: page error: ${e.message}`));
    page.on("console", (m) => {
      if (m.type() !== "error" && m.type() !== "warning") return;
      const status = /^Failed to load resource: the server responded with a status of (\d+)/.exec(m.text())?.[1];
      if (status && (expected.get(status) ?? 0) > 0) {
        expected.set(status, expected.get(status) - 1);
        return;
      }
      this.problems.push(`${label}: console ${m.type()}: ${m.text()}`);
    });
    page.on("requestfailed", (r) => {
      // A download's blob: URL is not a request to anyone; ERR_ABORTED is a request
      // the page itself gave up, as a reload does with what is still loading.
      // Requests to other origins are reported by the route above.
      const failure = r.failure()?.errorText ?? "";
      if (r.url().startsWith("blob:") || failure === "net::ERR_ABORTED") return;
      this.problems.push(`${label}: request failed: ${r.url()} ${failure}`);
    });
    page.on("response", (r) => {
      if (r.status() < 400) return;
      if (allow(r)) expected.set(String(r.status()), (expected.get(String(r.status())) ?? 0) + 1);
      else this.problems.push(`${label}: ${r.status()} for ${r.request().method()} ${r.url()}`);
    });
  }

  /** finish closes the browser and exits: 1 after a failure or any problem reported. */
  async finish(error) {
    let msg = "";
    if (error) {
      // Playwright's own errors (a wait that timed out) do not say which step.
      msg = error.message.startsWith(`${this.step}: `) ? error.message : `${this.step}: ${error.message}`;
    } else if (this.problems.length) {
      msg = `the browser reported:\n  ${this.problems.join("\n  ")}`;
    }
    const failed = msg !== "";
    if (failed) {
      console.error(`FAIL ${msg}`);
      if (error) for (const p of this.problems) console.error(`  ${p}`);
      try {
        const pages = this.browser?.contexts().flatMap((c) => c.pages()) ?? [];
        if (pages.length) await pages.at(-1).screenshot({ path: this.artifact(`${this.name}-failure.png`), fullPage: true });
      } catch {
        // the failure is reported already
      }
    }
    await this.browser?.close();
    this.log(failed ? `${this.name} test failed` : `${this.name} test passed`);
    process.exit(failed ? 1 : 0);
  }
}
