import { ApiError } from "./api";
import { h } from "./dom";
import type { Route } from "./route";

/** A view owns the main element while its route lasts. */
export interface View {
  /** Takes a new route in place (a selection in the network); false to be replaced. */
  update(route: Route): boolean;
  destroy(): void;
}

export interface NetworkSnapshot {
  center: string;
  centerName: string;
  from?: number;
  to?: number;
  nodes: { id: string; name: string; kind: string; depth: number }[];
  edges: { from: string; to: string; kind: string; weight: number; size: number }[];
  truncated: boolean;
  /** "webgl" when sigma draws the graph; "none" when the browser has no WebGL. */
  renderer: "webgl" | "none";
}

/**
 * What the page shows, for tests and the curious: the network is drawn on a canvas,
 * so a browser test reads what was drawn here (window.__lettergraph).
 */
export interface Hook {
  state: "loading" | "ready" | "error";
  view: string;
  error?: { code: string; message: string };
  network?: NetworkSnapshot;
  /** Where a node of the network is on the page (CSS pixels), to click it. */
  nodePosition(id: string): { x: number; y: number } | null;
  /** Where the middle of an edge ("from>to>KIND") is drawn on the page, to click it. */
  edgePosition(key: string): { x: number; y: number } | null;
}

declare global {
  interface Window {
    __lettergraph: Hook;
  }
}

export const hook: Hook = { state: "loading", view: "", nodePosition: () => null, edgePosition: () => null };
window.__lettergraph = hook;

export function setState(state: Hook["state"], view?: string): void {
  hook.state = state;
  if (view !== undefined) hook.view = view;
  document.documentElement.dataset.state = state;
  document.documentElement.dataset.view = hook.view;
}

let onUnauthenticated: () => void = () => {};

export function handleUnauthenticated(f: () => void): void {
  onUnauthenticated = f;
}

/** Shows an error in place of a view (or of a part of it), and records it. */
export function errorBox(e: unknown, what: string): HTMLElement {
  const err = e instanceof ApiError ? e : new ApiError(String(e), "ERROR", 0);
  hook.error = { code: err.code, message: err.message };
  if (err.code === "UNAUTHENTICATED") {
    onUnauthenticated();
    return h(
      "div",
      { class: "error", role: "alert", "data-code": err.code },
      h("strong", {}, "UNAUTHENTICATED: "),
      `this server does not let anonymous visitors read. Enter an API key under “API key” above, then try again (${what}).`,
    );
  }
  return h("div", { class: "error", role: "alert", "data-code": err.code }, h("strong", {}, `${err.code}: `), `${what} failed: ${err.message}`);
}
