import { describe, expect, test } from "vitest";
import { fileName, lists, rows, toCSV, toJSON } from "./results";

describe("lists", () => {
  const cases: { name: string; response: unknown; want: { path: string; n: number }[] }[] = [
    {
      name: "a page's nodes and edges, in document order",
      response: { data: { letters: { totalCount: 2, nodes: [{}, {}], pageInfo: { hasNextPage: false } }, network: { nodes: [{}], edges: [] } } },
      want: [
        { path: "letters.nodes", n: 2 },
        { path: "network.nodes", n: 1 },
        { path: "network.edges", n: 0 },
      ],
    },
    {
      name: "a list inside a list's elements is not a list of its own",
      response: { data: { letters: { nodes: [{ authors: [{ name: "a" }] }] } } },
      want: [{ path: "letters.nodes", n: 1 }],
    },
    { name: "a top-level list, by its alias", response: { data: { hits: [1, 2, 3] } }, want: [{ path: "hits", n: 3 }] },
    { name: "no data (errors only)", response: { errors: [{ message: "x" }] }, want: [] },
    { name: "not an object", response: "oops", want: [] },
    { name: "null data", response: { data: null }, want: [] },
  ];
  for (const c of cases) {
    test(c.name, () => {
      expect(lists(c.response).map((l) => ({ path: l.path, n: l.items.length }))).toEqual(c.want);
    });
  }
});

describe("rows", () => {
  test("nested objects give dotted columns, nested lists join with '; ', columns in first-seen order", () => {
    const got = rows([
      { title: "A", authors: [{ correspondent: { name: "X" } }, { correspondent: { name: "Y" } }], date: null },
      { title: "B", authors: [], place: { name: "Tirana" } },
    ]);
    expect(got.columns).toEqual(["title", "authors.correspondent.name", "date", "authors", "place.name"]);
    expect(got.rows.map((r) => Object.fromEntries(r))).toEqual([
      { title: "A", "authors.correspondent.name": "X; Y", date: "" },
      { title: "B", authors: "", "place.name": "Tirana" },
    ]);
  });
  test("a list of scalars gives one column, value", () => {
    expect(rows(["a", 2]).columns).toEqual(["value"]);
    expect(rows(["a", 2]).rows.map((r) => r.get("value"))).toEqual(["a", "2"]);
  });
});

describe("toCSV", () => {
  const cases: { name: string; items: unknown[]; want: string }[] = [
    { name: "plain", items: [{ a: "x", b: 1 }], want: "a,b\r\nx,1\r\n" },
    { name: "quotes, commas and line breaks quoted", items: [{ t: 'say "hi", then\ngo' }], want: 't\r\n"say ""hi"", then\ngo"\r\n' },
    {
      name: "text a spreadsheet would run as a formula is guarded",
      items: [{ t: "=HYPERLINK(1)" }, { t: "+1" }, { t: "-x" }, { t: "@SUM" }, { t: "ok" }],
      want: "t\r\n'=HYPERLINK(1)\r\n'+1\r\n'-x\r\n'@SUM\r\nok\r\n",
    },
    { name: "negative numbers are numbers, not formulas", items: [{ n: -1 }, { n: 2 }], want: "n\r\n-1\r\n2\r\n" },
    { name: "a missing field is an empty cell", items: [{ a: "1" }, { b: "2" }], want: "a,b\r\n1,\r\n,2\r\n" },
    { name: "no rows: the header alone", items: [], want: "\r\n" },
  ];
  for (const c of cases) {
    test(c.name, () => {
      expect(toCSV(c.items)).toBe(c.want);
    });
  }
});

test("toJSON keeps the elements as the API gave them", () => {
  const items = [{ a: { b: [1, null] } }];
  expect(JSON.parse(toJSON(items))).toEqual(items);
});

describe("fileName", () => {
  const cases: [string, string | undefined, string, string][] = [
    ["letters.nodes", undefined, "csv", "letters.nodes.csv"],
    ["letters.nodes", "LettersOfRama", "json", "LettersOfRama-letters.nodes.json"],
    ["", undefined, "csv", "result.csv"],
    ["a/../b c", undefined, "csv", "a_.._b_c.csv"],
  ];
  for (const [path, op, ext, want] of cases) {
    test(`${path || "(no path)"} ${op ?? ""}`, () => {
      expect(fileName(path, op, ext)).toBe(want);
    });
  }
});
