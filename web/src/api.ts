// The one way the explorer talks to the server: POST /graphql with a JSON body, as
// any client of the public API does. An API key, when the user gives one, is kept
// in sessionStorage (this tab only) and sent as a bearer token.

const KEY = "lettergraph.apiKey";

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly status: number,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export function apiKey(): string {
  try {
    return sessionStorage.getItem(KEY) ?? "";
  } catch {
    return "";
  }
}

export function setApiKey(key: string): void {
  try {
    if (key) sessionStorage.setItem(KEY, key);
    else sessionStorage.removeItem(KEY);
  } catch {
    // Storage refused (private mode): the key lasts until the page is left.
  }
  memoryKey = key;
}

let memoryKey = "";

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export async function gql<T>(query: string, variables: Record<string, unknown> = {}, signal?: AbortSignal): Promise<T> {
  const headers: Record<string, string> = {
    "Content-Type": "application/json",
    Accept: "application/graphql-response+json, application/json",
  };
  const key = apiKey() || memoryKey;
  if (key) headers.Authorization = `Bearer ${key}`;
  let res: Response;
  try {
    res = await fetch("/graphql", { method: "POST", headers, body: JSON.stringify({ query, variables }), signal });
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new ApiError("The server could not be reached.", "NETWORK", 0);
  }
  let body: GraphQLResponse<T> | null = null;
  try {
    body = (await res.json()) as GraphQLResponse<T>;
  } catch {
    body = null;
  }
  const fallback = res.status === 401 ? "UNAUTHENTICATED" : res.status === 429 ? "LIMIT_EXCEEDED" : "ERROR";
  const first = body?.errors?.[0];
  if (first) throw new ApiError(first.message, first.extensions?.code ?? fallback, res.status);
  if (!res.ok || !body?.data) throw new ApiError(`The server answered ${res.status}.`, fallback, res.status);
  return body.data;
}
