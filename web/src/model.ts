// What the views show of correspondents and letters, and the GraphQL fragments that
// fetch it.

export type Kind = "Person" | "Organisation" | "Office";

export interface CorrespondentRef {
  id: string;
  name: string;
  __typename: Kind;
  organisation?: { name: string } | null;
}

/** Asks a correspondent's id, name, kind and, for an office, its organisation. */
export const correspondentFields = `id name __typename ... on Office { organisation { name } }`;

/** "Minister of Interior (Albania)" for an office, the name otherwise. */
export function displayName(c: CorrespondentRef): string {
  return c.__typename === "Office" && c.organisation ? `${c.name} (${c.organisation.name})` : c.name;
}

export const kindLabel: Record<Kind, string> = {
  Person: "person",
  Organisation: "organisation",
  Office: "office",
};

export const kindColor: Record<Kind, string> = {
  Person: "#2563eb",
  Organisation: "#059669",
  Office: "#9333ea",
};

export const edgeColor = { WROTE_TO: "#475569", COPIED: "#d97706" } as const;

export interface LetterRef {
  id: string;
  title: string | null;
  date: string | null;
  dateText: string | null;
}

export function letterTitle(l: { title: string | null }): string {
  return l.title?.trim() || "(untitled letter)";
}

export function letterDate(l: { date: string | null; dateText: string | null; datePrecision?: string }): string {
  if (l.dateText) return l.dateText;
  if (!l.date) return "undated";
  if (l.datePrecision === "YEAR") return l.date.slice(0, 4);
  if (l.datePrecision === "MONTH") return l.date.slice(0, 7);
  return l.date;
}
