package neo4jstore

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// Network implements domain.Explorer: a breadth-first walk, one query a level (so at
// most MaxNetworkDepth), then one query for the nodes and the edges among them.
func (s *Store) Network(ctx context.Context, q domain.NetworkQuery) (*domain.Network, error) {
	if q.Depth == 0 {
		q.Depth = 1
	}
	if q.Depth < 1 || q.Depth > domain.MaxNetworkDepth {
		return nil, domain.Limit("depth", "depth is 1 to %d", domain.MaxNetworkDepth)
	}
	if q.Limit == 0 {
		q.Limit = 100
	}
	if q.Limit < 1 || q.Limit > domain.MaxNetworkNodes {
		return nil, domain.Limit("limit", "limit is 1 to %d nodes", domain.MaxNetworkNodes)
	}
	if len(q.Roles) == 0 {
		q.Roles = []domain.Role{domain.RoleAuthor, domain.RoleRecipient, domain.RoleCC}
	}
	var types []string
	for i, r := range q.Roles {
		if r == domain.RoleAny {
			return nil, domain.Invalid(fmt.Sprintf("roles[%d]", i), "name the roles: AUTHOR, RECIPIENT, CC, BCC")
		}
		t, err := roleTypesOf(r, fmt.Sprintf("roles[%d]", i))
		if err != nil {
			return nil, err
		}
		types = append(types, t)
	}
	rel := strings.Join(types, "|")
	params := map[string]any{}
	where := "WHERE l.stub = false"
	if conds := dateConds(q.From, q.To, params); len(conds) > 0 {
		where += " AND " + strings.Join(conds, " AND ")
	}
	return read(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) (*domain.Network, error) {
		depth := map[string]int{q.Center: 0}
		frontier := []string{q.Center}
		truncated := false
		for d := 1; d <= q.Depth && len(frontier) > 0 && !truncated; d++ {
			params["frontier"], params["seen"] = frontier, keysOf(depth)
			params["room"] = q.Limit - len(depth) + 1 // one more tells whether the limit cut
			recs, err := collect(ctx, tx, `
				UNWIND $frontier AS fid
				MATCH (:Correspondent {id: fid})-[:`+rel+`]-(l:Letter)-[:`+rel+`]-(y:Correspondent)
				`+where+` AND NOT y.id IN $seen
				WITH y, count(DISTINCT l) AS letters
				RETURN y.id ORDER BY letters DESC, y.id LIMIT $room`, params)
			if err != nil {
				return nil, err
			}
			frontier = nil
			for _, rec := range recs {
				if len(depth) >= q.Limit {
					truncated = true
					break
				}
				id, _ := rec.Values[0].(string)
				depth[id] = d
				frontier = append(frontier, id)
			}
		}
		params["ids"] = keysOf(depth)
		recs, err := collect(ctx, tx, `
			UNWIND $ids AS cid
			MATCH (c:Correspondent {id: cid})
			CALL {
				WITH c
				MATCH (c)-[:WROTE]->(l:Letter)-[r:ADDRESSED_TO|CC|BCC]->(b:Correspondent)
				`+where+` AND b.id IN $ids AND b <> c
				  AND (type(r) = 'ADDRESSED_TO' AND 'ADDRESSED_TO' IN $types OR type(r) <> 'ADDRESSED_TO' AND type(r) IN $types)
				RETURN collect({to: b.id, kind: CASE type(r) WHEN 'ADDRESSED_TO' THEN 'WROTE_TO' ELSE 'COPIED' END, letter: l.id}) AS links
			}
			RETURN `+correspondentMap("c")+` AS node, links`, withTypes(params, types))
		if err != nil {
			return nil, err
		}
		if len(recs) == 0 {
			return nil, domain.NotFound("correspondent", q.Center)
		}
		net := &domain.Network{Truncated: truncated}
		weights := map[domain.NetworkEdge]map[string]bool{}
		for _, rec := range recs {
			c := toCorrespondent(mapOf(rec.Values[0]))
			if c == nil {
				continue
			}
			net.Nodes = append(net.Nodes, domain.NetworkNode{Correspondent: c, Depth: depth[c.NodeID()]})
			for _, link := range listOf(rec.Values[1]) {
				e := domain.NetworkEdge{From: c.NodeID(), To: str(link, "to"), Kind: domain.EdgeKind(str(link, "kind"))}
				if weights[e] == nil {
					weights[e] = map[string]bool{}
				}
				weights[e][str(link, "letter")] = true
			}
		}
		for e, letters := range weights {
			e.Weight = len(letters)
			net.Edges = append(net.Edges, e)
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

func keysOf(m map[string]int) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// withTypes adds the relationship types a network's edges may come from.
func withTypes(params map[string]any, types []string) map[string]any {
	var all []string
	for _, t := range types {
		all = append(all, strings.Split(t, "|")...)
	}
	params["types"] = all
	return params
}
