// The analysts' guide (docs/analysts.md) as examples to open in the playground: the
// guide is bundled at build time, so the questions offered are always the ones the
// guide asks, which TestAnalystQuestions runs against the sample data.

export interface Example {
  /** The question, as the guide's heading asks it (without its number). */
  title: string;
  query: string;
  /** JSON of the variables, where a value "@Name" stands for the id of the correspondent of that name. */
  variables: string;
}

const fence = /```(graphql|json variables)\n([\s\S]*?)\n```/g;

/**
 * examples reads the guide's questions: each "## N. Question" section with a
 * graphql block, and its "json variables" block when it has one. Sections without a
 * query are left out.
 */
export function examples(guide: string): Example[] {
  const out: Example[] = [];
  for (const section of guide.split("\n## ").slice(1)) {
    const heading = section.slice(0, section.indexOf("\n")).trim();
    const title = heading.replace(/^\d+\.\s*/, "");
    let query = "";
    let variables = "";
    for (const m of section.matchAll(fence)) {
      if (m[1] === "graphql" && !query) query = m[2];
      else if (m[1] === "json variables" && !variables) variables = m[2];
    }
    if (query) out.push({ title, query, variables });
  }
  return out;
}

/** The names that variables stand for ("@Edi Rama" gives "Edi Rama"), by variable. */
export function namedIds(variables: string): Map<string, string> {
  const names = new Map<string, string>();
  if (!variables.trim()) return names;
  let parsed: unknown;
  try {
    parsed = JSON.parse(variables);
  } catch {
    return names;
  }
  if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) {
    for (const [k, v] of Object.entries(parsed)) {
      if (typeof v === "string" && v.startsWith("@")) names.set(k, v.slice(1));
    }
  }
  return names;
}

/**
 * pickId chooses, among correspondents found by name, the one whose name is the
 * name asked for (ignoring case), else the first: as the guide's test does.
 */
export function pickId(name: string, found: { id: string; name: string }[]): string | undefined {
  const exact = found.find((c) => c.name.toLowerCase() === name.toLowerCase());
  return (exact ?? found[0])?.id;
}
