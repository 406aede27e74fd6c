import { describe, expect, test } from "vitest";
import analysts from "../../../docs/analysts.md?raw";
import { examples, namedIds, pickId } from "./examples";

const guide = [
  "# Guide",
  "",
  "Intro with a ```graphql\n{ ignored }\n``` block before any question.",
  "",
  "## 1. First question?",
  "",
  "```graphql",
  "{ letters { totalCount } }",
  "```",
  "",
  "```json answer",
  '{"letters": {"totalCount": 1}}',
  "```",
  "",
  "## 2. With names?",
  "",
  "```graphql",
  "query ($a: ID!) { correspondent(id: $a) { name } }",
  "```",
  "",
  "```json variables",
  '{"a": "@Edi Rama", "n": 3}',
  "```",
  "",
  "## Notes",
  "",
  "No query here.",
].join("\n");

describe("examples", () => {
  test("each numbered question with its query and variables; sections without a query left out", () => {
    expect(examples(guide)).toEqual([
      { title: "First question?", query: "{ letters { totalCount } }", variables: "" },
      { title: "With names?", query: "query ($a: ID!) { correspondent(id: $a) { name } }", variables: '{"a": "@Edi Rama", "n": 3}' },
    ]);
  });
  test("the analysts' guide gives its twenty questions, each with a query", () => {
    const all = examples(analysts);
    expect(all).toHaveLength(20);
    for (const ex of all) expect(ex.query.trim()).not.toBe("");
  });
});

describe("namedIds", () => {
  const cases: [string, string, [string, string][]][] = [
    ["names", '{"a": "@Edi Rama", "b": "@ASILA", "n": 3, "s": "plain"}', [["a", "Edi Rama"], ["b", "ASILA"]]],
    ["empty", "", []],
    ["not JSON", "{oops", []],
    ["not an object", '["@x"]', []],
  ];
  for (const [name, vars, want] of cases) {
    test(name, () => {
      expect([...namedIds(vars)]).toEqual(want);
    });
  }
});

describe("pickId", () => {
  const found = [
    { id: "1", name: "Edi Rama Foundation" },
    { id: "2", name: "edi rama" },
  ];
  test("the exact name, ignoring case", () => expect(pickId("Edi Rama", found)).toBe("2"));
  test("else the first", () => expect(pickId("Rama", found)).toBe("1"));
  test("none found", () => expect(pickId("x", [])).toBeUndefined());
});
