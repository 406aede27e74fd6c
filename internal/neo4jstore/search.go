package neo4jstore

import (
	"context"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/lettergraph/lettergraph/internal/domain"
)

var _ domain.Searcher = (*Store)(nil)

// searchKinds is the allowlist of what search may return.
var searchKinds = map[domain.Label]bool{
	domain.LabelLetter: true, domain.LabelPerson: true, domain.LabelOrganisation: true, domain.LabelOffice: true,
}

// Search implements domain.Searcher, in one query over the two folded full-text
// indexes (letter_search, correspondent_search).
func (s *Store) Search(ctx context.Context, text string, kinds []domain.Label, n int) ([]domain.SearchHit, error) {
	q := FoldedLuceneQuery(text)
	if q == "" {
		return nil, domain.Invalid("text", "has no words to search for")
	}
	if n <= 0 || n > domain.MaxPageSize {
		return nil, domain.Limit("first", "maxPageSize is %d; ask for at most that many", domain.MaxPageSize)
	}
	labels := []string{}
	letters, correspondents := false, false
	for i, k := range kinds {
		if !searchKinds[k] {
			return nil, domain.Invalid(fmt.Sprintf("kinds[%d]", i), "%q cannot be searched", k)
		}
		labels = append(labels, string(k))
		letters = letters || k == domain.LabelLetter
		correspondents = correspondents || k != domain.LabelLetter
	}
	if len(labels) == 0 {
		for k := range searchKinds {
			labels = append(labels, string(k))
		}
		letters, correspondents = true, true
	}
	v := visibilityOf(ctx)
	// Each index is asked only when its kinds are: a search for letters alone does
	// not rank correspondents' names to throw them away.
	// A caller below RESTRICTED_ROLE asks the indexes over what they may see
	// (searchableLabel): their top hits and scores are those of a graph without
	// what they may not see. The others' indexes hold stubs too, left out here.
	letterIndex, correspondentIndex := "letter_search_open", "correspondent_search_open"
	if v.restricted {
		letterIndex, correspondentIndex = "letter_search", "correspondent_search"
	}
	letterHits := `
				CALL db.index.fulltext.queryNodes('` + letterIndex + `', $q, {limit: $n}) YIELD node, score
				WITH node, score WHERE node.stub = false
				RETURN node, score`
	correspondentHits := `
				CALL db.index.fulltext.queryNodes('` + correspondentIndex + `', $q, {limit: $n}) YIELD node, score
				WITH node, score WHERE any(l IN labels(node) WHERE l IN $kinds)
				RETURN node, score`
	hits := letterHits
	switch {
	case letters && correspondents:
		hits = letterHits + `
				UNION` + correspondentHits
	case correspondents:
		hits = correspondentHits
	}
	return read(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) ([]domain.SearchHit, error) {
		recs, err := collect(ctx, tx, `
			CALL {`+hits+`
			}
			RETURN `+v.anyNodeMap("node")+` AS node, score
			ORDER BY score DESC, node.id
			LIMIT $n`, map[string]any{"q": q, "n": n, "kinds": labels})
		if err != nil {
			return nil, err
		}
		out := make([]domain.SearchHit, 0, len(recs))
		for _, rec := range recs {
			score, _ := rec.Values[1].(float64)
			if node := toNode(mapOf(rec.Values[0])); node != nil {
				out = append(out, domain.SearchHit{Node: node, Score: score})
			}
		}
		return out, nil
	})
}
