package neo4jstore

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// Network implements domain.Explorer in one query: a breadth-first walk, one CALL a
// level (at most MaxNetworkDepth), each level the busiest new neighbours first (ties
// by name) up to
// the room left under the limit, then the edges among the nodes found, weighted in
// the database so that only one row per edge comes back.
func (s *Store) Network(ctx context.Context, q domain.NetworkQuery) (*domain.Network, error) {
	cypher, params, err := networkCypher(visibilityOf(ctx), &q)
	if err != nil {
		return nil, err
	}
	return read(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) (*domain.Network, error) {
		recs, err := collect(ctx, tx, cypher, params)
		if err != nil {
			return nil, err
		}
		if len(recs) == 0 {
			return nil, domain.NotFound("correspondent", q.Center)
		}
		m := recs[0].AsMap()
		depth := map[string]int{q.Center: 0}
		levels, _ := m["levels"].([]any)
		for d, level := range levels {
			ids, _ := level.([]any)
			for _, id := range ids {
				if s, ok := id.(string); ok {
					depth[s] = d + 1
				}
			}
		}
		net := &domain.Network{}
		net.Truncated, _ = m["cut"].(bool)
		for _, row := range listOf(m["nodes"]) {
			c := toCorrespondent(mapOf(row["node"]))
			if c == nil {
				continue
			}
			net.Nodes = append(net.Nodes, domain.NetworkNode{Correspondent: c, Depth: depth[c.NodeID()]})
			for _, link := range listOf(row["links"]) {
				net.Edges = append(net.Edges, toNetworkEdge(c.NodeID(), link))
			}
		}
		sort.Slice(net.Nodes, func(i, j int) bool {
			a, b := net.Nodes[i], net.Nodes[j]
			return a.Depth < b.Depth || a.Depth == b.Depth && a.Correspondent.NodeID() < b.Correspondent.NodeID()
		})
		sort.Slice(net.Edges, func(i, j int) bool {
			a, b := net.Edges[i], net.Edges[j]
			return a.Weight > b.Weight || a.Weight == b.Weight && a.From+a.To+string(a.Kind) < b.From+b.To+string(b.Kind)
		})
		return net, nil
	})
}

// toNetworkEdge converts an edge {to, direct, weight} from the author from: direct
// to a principal recipient, copied otherwise.
func toNetworkEdge(from string, link map[string]any) domain.NetworkEdge {
	kind := domain.EdgeCopied
	if direct, _ := link["direct"].(bool); direct {
		kind = domain.EdgeWroteTo
	}
	return domain.NetworkEdge{From: from, To: str(link, "to"), Kind: kind, Weight: integer(link, "weight")}
}

// splitTypes lists the relationship types of alternatives such as "WROTE|CC".
func splitTypes(types []string) []string {
	var all []string
	for _, t := range types {
		all = append(all, strings.Split(t, "|")...)
	}
	return all
}

// networkCypher is the query of Network for a caller with visibility v, and its
// parameters; it gives q its defaults, and refuses one out of bounds. Each level
// starts from the frontier's ids through the id index and expands links of a fixed
// length, so its cost is the links of the frontier it walks (TestNetworkPlanIsBounded).
// The index hints, and no label on the nodes the links reach (the role's links join
// letters and correspondents only), keep it so whatever Neo4j's statistics say: on a
// small graph the planner would rather scan every correspondent and join.
func networkCypher(v visibility, q *domain.NetworkQuery) (string, map[string]any, error) {
	if q.Depth == 0 {
		q.Depth = 1
	}
	if q.Depth < 1 || q.Depth > domain.MaxNetworkDepth {
		return "", nil, domain.Limit("depth", "depth is 1 to %d", domain.MaxNetworkDepth)
	}
	if q.Limit == 0 {
		q.Limit = 100
	}
	if q.Limit < 1 || q.Limit > domain.MaxNetworkNodes {
		return "", nil, domain.Limit("limit", "limit is 1 to %d nodes", domain.MaxNetworkNodes)
	}
	if len(q.Roles) == 0 {
		q.Roles = []domain.Role{domain.RoleAuthor, domain.RoleRecipient, domain.RoleCC}
	}
	var types []string
	for i, r := range q.Roles {
		if r == domain.RoleAny {
			return "", nil, domain.Invalid(fmt.Sprintf("roles[%d]", i), "name the roles: AUTHOR, RECIPIENT, CC, BCC")
		}
		t, err := v.roleTypes(r, fmt.Sprintf("roles[%d]", i))
		if err != nil {
			return "", nil, err
		}
		types = append(types, t)
	}
	rel := strings.Join(types, "|")
	linkTypes := splitTypes(types)
	p := newParams("")
	p.m["center"], p.m["limit"] = q.Center, q.Limit
	where := "WHERE l.stub = false AND " + v.letter("l")
	if conds := dateConds(q.From, q.To, p); len(conds) > 0 {
		where += " AND " + strings.Join(conds, " AND ")
	}
	var b strings.Builder
	b.WriteString(`MATCH (center:Correspondent {id: $center}) USING INDEX center:Correspondent(id) WHERE ` + v.node("center") + `
		WITH [center.id] AS seen, [center.id] AS frontier, [] AS levels, false AS cut
		`)
	for range q.Depth {
		// A level whose walk the limit cut leaves the next ones an empty frontier.
		b.WriteString(`CALL {
			WITH seen, frontier
			UNWIND frontier AS fid
			MATCH (f:Correspondent {id: fid})-[:` + rel + `]-(l)-[:` + rel + `]-(y)
			USING INDEX f:Correspondent(id)
			` + where + ` AND NOT y.id IN seen
			WITH y, count(DISTINCT l) AS letters
			ORDER BY letters DESC, y.nameKey, y.id
			RETURN collect(y.id) AS found
		}
		WITH seen, levels, cut, found, $limit - size(seen) AS room
		WITH seen + found[0..room] AS seen, levels + [found[0..room]] AS levels,
		     cut OR size(found) > room AS cut,
		     CASE WHEN size(found) > room THEN [] ELSE found END AS frontier
		`)
	}
	// Edges run from an author to a recipient or copy, through the roles asked for;
	// the relationship types are the allowlist's, so the pattern names them.
	var edgeTypes []string
	for _, t := range linkTypes {
		if t != string(domain.LinkWrote) {
			edgeTypes = append(edgeTypes, t)
		}
	}
	if len(edgeTypes) == 0 {
		edgeTypes = []string{"NO_EDGES"} // only authors asked for: a type no relationship has
	}
	// Nodes are compared as nodes (b IN members), and edges grouped by node, so that
	// the many rows of busy correspondents read no property.
	b.WriteString(`CALL {
			WITH seen
			MATCH (c:Correspondent) USING INDEX c:Correspondent(id) WHERE c.id IN seen
			WITH collect(c) AS members
			UNWIND members AS c
			CALL {
				WITH c, members
				MATCH (c)-[:WROTE]->(l)-[r:` + strings.Join(edgeTypes, "|") + `]->(b)
				` + where + ` AND b <> c AND b IN members
				WITH b, type(r) = 'ADDRESSED_TO' AS direct, count(DISTINCT l) AS weight
				RETURN collect({to: b.id, direct: direct, weight: weight}) AS links
			}
			RETURN collect({node: ` + v.correspondentMap("c") + `, links: links}) AS nodes
		}
		RETURN levels, cut, nodes`)
	return b.String(), p.m, nil
}
