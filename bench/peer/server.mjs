// The peer of the benchmarks: lettergraph's model served by @neo4j/graphql over the
// same Neo4j, with Apollo Server's standalone HTTP server, as the library's own
// documentation sets it up. NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD and PORT configure it.
import { readFileSync } from "node:fs";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { Neo4jGraphQL } from "@neo4j/graphql";
import neo4j from "neo4j-driver";

const typeDefs = readFileSync(new URL("./typeDefs.graphql", import.meta.url), "utf8");
const user = process.env.NEO4J_USER || "";
const auth = user ? neo4j.auth.basic(user, process.env.NEO4J_PASSWORD || "") : undefined;
const driver = neo4j.driver(process.env.NEO4J_URI || "bolt://127.0.0.1:7687", auth);

const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
const server = new ApolloServer({ schema });
const port = Number(process.env.PORT || 4000);
const { url } = await startStandaloneServer(server, { listen: { host: "127.0.0.1", port } });
console.log(`peer: @neo4j/graphql at ${url}`);
