package neo4jstore

import (
	"context"
	"fmt"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// pathLengths is the allowlist of path bounds: hops to relationships (a hop is a
// correspondent, a letter and a correspondent: two relationships).
var pathLengths = map[int]string{1: "2", 2: "4", 3: "6", 4: "8"}

// typeRoles reads a party relationship type as the role it stands for.
var typeRoles = map[string]domain.Role{
	"WROTE": domain.RoleAuthor, "ADDRESSED_TO": domain.RoleRecipient, "CC": domain.RoleCC, "BCC": domain.RoleBCC,
}

// Paths implements domain.Explorer, in one query (pathsCypher).
func (s *Store) Paths(ctx context.Context, from, to string, maxHops int, roles []domain.Role, n int) ([]domain.Path, error) {
	if maxHops == 0 {
		maxHops = domain.MaxPathHops
	}
	length, ok := pathLengths[maxHops]
	if !ok {
		return nil, domain.Limit("maxHops", "maxHops is 1 to %d", domain.MaxPathHops)
	}
	if n <= 0 || n > domain.MaxPageSize {
		return nil, domain.Limit("first", "at most %d paths", domain.MaxPageSize)
	}
	if from == to {
		return nil, domain.Invalid("to", "is the same correspondent as from")
	}
	if len(roles) == 0 {
		roles = []domain.Role{domain.RoleAny}
	}
	v := visibilityOf(ctx)
	var types []string
	for i, r := range roles {
		t, err := v.roleTypes(r, fmt.Sprintf("roles[%d]", i))
		if err != nil {
			return nil, err
		}
		types = append(types, t)
	}
	cypher := pathsCypher(v, strings.Join(types, "|"), length)
	return read(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) ([]domain.Path, error) {
		recs, err := collect(ctx, tx, cypher, map[string]any{"from": from, "to": to, "n": n, "candidates": pathCandidates})
		if err != nil {
			return nil, err
		}
		var out []domain.Path
		for _, rec := range recs {
			nodes := listOf(rec.Values[0])
			rels, _ := rec.Values[1].([]any)
			var path domain.Path
			for i := 0; i+2 < len(nodes) && i+1 < len(rels); i += 2 {
				letter, _ := toNode(nodes[i+1]).(*domain.Letter)
				fromType, _ := rels[i].(string)
				toType, _ := rels[i+1].(string)
				path.Hops = append(path.Hops, domain.PathHop{
					From: toCorrespondent(nodes[i]), FromRole: typeRoles[fromType],
					Letter: letter,
					To:     toCorrespondent(nodes[i+2]), ToRole: typeRoles[toType],
				})
			}
			out = append(out, path)
		}
		return out, nil
	})
}

// pathCandidates bounds the shortest paths that Paths orders to choose the first n:
// two busy correspondents can be joined by a great many paths of the same length.
const pathCandidates = 1000

// pathsCypher finds the shortest paths from $from to $to over relationships of types,
// at most length of them, through letters (no stubs) v may see; at most $n, in the
// order of what they show: along the path, each letter by its date (as DATE_ASC
// orders letters: undated first), title and external id, each correspondent by its
// name; then by ids. Taken in the
// order Neo4j finds them, which the storage of the graph decides, the first $n of
// more were a different subset on two graphs holding the same letters (a
// fifteenth probe). Of more than $candidates, the order is over the first found.
// The
// types join letters and correspondents only, so a predicate on every node of the
// path is all it needs, and Neo4j checks such a predicate during its bidirectional
// search (ShortestPath). A predicate over a slice of nodes(p), as this query once
// had, cannot be: the plan then fell back, when no path qualified (a hub and someone
// it cannot reach), to walking every path up to the bound, which ran for as long as
// the deadline allowed (TestPathsPlanIsBounded).
func pathsCypher(v visibility, types, length string) string {
	return `
		MATCH (a:Correspondent {id: $from}), (b:Correspondent {id: $to})
		WHERE ` + v.node("a") + ` AND ` + v.node("b") + `
		MATCH p = allShortestPaths((a)-[:` + types + `*..` + length + `]-(b))
		WHERE all(x IN nodes(p) WHERE NOT x:Letter OR (x.stub = false AND ` + v.letter("x") + `))
		WITH p LIMIT $candidates
		WITH p ORDER BY
			[x IN nodes(p) | CASE WHEN x:Letter
				THEN [toString(x.sortDate), coalesce(x.titleKey, ''), coalesce(x.externalId, '')]
				ELSE [coalesce(x.nameKey, '')] END],
			[x IN nodes(p) | x.id]
		LIMIT $n
		RETURN [x IN nodes(p) | ` + v.correspondentMap("x") + `] AS nodes, [r IN relationships(p) | type(r)] AS types`
}
