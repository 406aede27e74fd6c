// What the playground keeps, and for how long. An API key typed into the header
// editor is a secret on what may be a shared reading-room machine, so everything
// GraphiQL stores (tabs with their headers, history, settings) goes to
// sessionStorage: this browser tab, until it is closed, never to disk for the next
// user. Within the session the headers stick: a new tab, or an example opened from
// the guide, starts with the headers of the tab it was opened from, so the key is
// entered once.
import { useEffect, useRef } from "react";
import { useGraphiQL, useGraphiQLActions } from "@graphiql/react";

/** storage is the Storage GraphiQL keeps its state in: sessionStorage when the browser allows it. */
export const storage: Storage = (() => {
  try {
    const s = window.sessionStorage;
    s.setItem("lettergraph.probe", "1");
    s.removeItem("lettergraph.probe");
    return s;
  } catch {
    return memoryStorage();
  }
})();

/**
 * SessionHeaders gives a new, empty tab the headers of the tab that was active
 * before it, and asks for the schema again when it could not be read and the
 * headers change (a server that refuses anonymous readers answers the first
 * introspection UNAUTHENTICATED, before the key is typed). Renders nothing.
 */
export function SessionHeaders() {
  const tabs = useGraphiQL((s) => s.tabs);
  const active = useGraphiQL((s) => s.activeTabIndex);
  const headerEditor = useGraphiQL((s) => s.headerEditor);
  const fetchError = useGraphiQL((s) => s.fetchError);
  const { introspect } = useGraphiQLActions();
  const last = useRef({ count: tabs.length, headers: tabs[active]?.headers ?? "" });
  const headers = tabs[active]?.headers ?? "";
  useEffect(() => {
    const tab = tabs[active];
    const grew = tabs.length > last.current.count;
    if (grew && tab && !tab.headers?.trim() && last.current.headers.trim() && headerEditor) {
      headerEditor.setValue(last.current.headers);
    }
    last.current = { count: tabs.length, headers: tab?.headers || (grew ? last.current.headers : "") };
  }, [tabs, active, headerEditor]);
  // Once for each headers text, so a wrong key is not asked about again and again.
  const tried = useRef("");
  useEffect(() => {
    if (!fetchError || tried.current === headers || Object.keys(currentHeaders(headers)).length === 0) return;
    const t = setTimeout(() => {
      tried.current = headers;
      void introspect();
    }, 400);
    return () => clearTimeout(t);
  }, [fetchError, headers, introspect]);
  return null;
}

/** currentHeaders parses the header editor's JSON; {} when it is empty or not an object. */
export function currentHeaders(text: string | undefined): Record<string, string> {
  if (!text?.trim()) return {};
  try {
    const v: unknown = JSON.parse(text);
    if (v && typeof v === "object" && !Array.isArray(v)) {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, String(x)]));
    }
  } catch {
    // A half-typed header: send none rather than fail the example.
  }
  return {};
}

function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, String(v)),
  };
}
