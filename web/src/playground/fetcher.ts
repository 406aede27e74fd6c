// How the playground reaches the server: queries and mutations as POST /graphql on
// this origin, subscriptions over a websocket to the same path (graphql-ws, the
// graphql-transport-ws protocol the server speaks). The request headers from the
// header editor go with every HTTP request and, since a browser's websocket cannot
// carry headers, in the socket's connection_init payload, where the server reads
// Authorization as it does the header.
import { createGraphiQLFetcher, type Fetcher } from "@graphiql/toolkit";

export function fetcher(location: Location): Fetcher {
  const ws = location.protocol === "https:" ? "wss:" : "ws:";
  return createGraphiQLFetcher({
    url: "/graphql",
    subscriptionUrl: `${ws}//${location.host}/graphql`,
    // The server answers each operation whole (@defer is refused), so plain JSON.
    enableIncrementalDelivery: false,
  });
}
