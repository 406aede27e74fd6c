// Lists out of a GraphQL answer, as CSV or JSON: what an analyst takes from the
// playground into a spreadsheet or a notebook. Pure functions over the parsed
// response; resultsPlugin.tsx offers them.

/** A list in a response: where it is (its path under data) and its elements. */
export interface ResultList {
  /** Dotted path from data, e.g. "letters.nodes"; aliases are the response's keys. */
  path: string;
  items: unknown[];
}

/**
 * lists finds every list of the response's data that is not inside another list,
 * in document order: a page's nodes or edges, a network's nodes and edges, the hits
 * of a search. Nested lists (a letter's authors) become columns of their list's rows.
 */
export function lists(response: unknown): ResultList[] {
  const out: ResultList[] = [];
  const data = isObject(response) ? response.data : undefined;
  const walk = (v: unknown, path: string[]) => {
    if (Array.isArray(v)) {
      out.push({ path: path.join("."), items: v });
    } else if (isObject(v)) {
      for (const [k, child] of Object.entries(v)) walk(child, [...path, k]);
    }
  };
  walk(data, []);
  return out;
}

/**
 * rows flattens each element into one row: nested objects give dotted columns
 * ("authors.correspondent.name"), and the values of a nested list are joined with
 * "; " in its column, so one element stays one row. Columns are in the order first
 * seen. A list of scalars gives one column, "value".
 */
export function rows(items: unknown[]): { columns: string[]; rows: Map<string, string>[] } {
  const columns: string[] = [];
  const seen = new Set<string>();
  const out = items.map((item) => {
    const row = new Map<string, string[]>();
    flatten(isObject(item) || Array.isArray(item) ? item : { value: item }, "", row);
    for (const k of row.keys()) {
      if (!seen.has(k)) {
        seen.add(k);
        columns.push(k);
      }
    }
    return new Map([...row].map(([k, vs]) => [k, vs.join("; ")]));
  });
  return { columns, rows: out };
}

function flatten(v: unknown, prefix: string, row: Map<string, string[]>): void {
  if (Array.isArray(v)) {
    for (const e of v) flatten(e, prefix, row);
    if (v.length === 0 && prefix && !row.has(prefix)) row.set(prefix, []);
    return;
  }
  if (isObject(v)) {
    for (const [k, child] of Object.entries(v)) flatten(child, prefix ? `${prefix}.${k}` : k, row);
    return;
  }
  const key = prefix || "value";
  const values = row.get(key) ?? [];
  if (v !== null && v !== undefined) values.push(String(v));
  row.set(key, values);
}

/**
 * toCSV writes RFC 4180 CSV (CRLF, fields quoted when they hold a comma, quote or
 * line break). A text field that a spreadsheet would run as a formula (starting
 * with =, +, -, @, tab or carriage return) is written with a leading apostrophe, as
 * OWASP advises: letters are untrusted text. Numbers and booleans are written as
 * they are.
 */
export function toCSV(items: unknown[]): string {
  const { columns, rows: rs } = rows(items);
  const kinds = columnKinds(items, columns);
  const line = (cells: string[]) => cells.map(quote).join(",");
  const out = [line(columns)];
  for (const r of rs) out.push(line(columns.map((c) => guard(r.get(c) ?? "", kinds.get(c) === "plain"))));
  return out.join("\r\n") + "\r\n";
}

/** toJSON writes the list as a JSON array, indented: the elements as the API gave them. */
export function toJSON(items: unknown[]): string {
  return JSON.stringify(items, null, 2) + "\n";
}

/** fileName is a safe file name for a list: the operation's name, or the list's path. */
export function fileName(path: string, operationName: string | undefined, ext: string): string {
  const base = [operationName, path].filter(Boolean).join("-") || "result";
  return base.replace(/[^A-Za-z0-9._-]+/g, "_") + "." + ext;
}

// A column is "plain" when every value the API gave in it is a number or a
// boolean: those are never guarded, so a count of -1 stays a number.
function columnKinds(items: unknown[], columns: string[]): Map<string, "plain" | "text"> {
  const kinds = new Map<string, "plain" | "text">(columns.map((c) => [c, "plain"]));
  const visit = (v: unknown, prefix: string) => {
    if (Array.isArray(v)) return v.forEach((e) => visit(e, prefix));
    if (isObject(v)) return Object.entries(v).forEach(([k, c]) => visit(c, prefix ? `${prefix}.${k}` : k));
    if (typeof v === "string") kinds.set(prefix || "value", "text");
  };
  items.forEach((item) => visit(item, ""));
  return kinds;
}

function guard(s: string, plain: boolean): string {
  return !plain && /^[=+\-@\t\r]/.test(s) ? "'" + s : s;
}

function quote(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
