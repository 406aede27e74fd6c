package neo4jstore

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/lettergraph/lettergraph/internal/domain"
)

var _ domain.Statistician = (*Store)(nil)

// bucketSpecs is the allowlist of timeline buckets: the precisions a letter's date
// needs to fall in one, and how a period's first day is built from the date d.
var bucketSpecs = map[domain.Bucket]struct {
	precisions []string
	start      string
}{
	domain.BucketYear:  {[]string{"DAY", "MONTH", "YEAR"}, "date({year: d.year})"},
	domain.BucketMonth: {[]string{"DAY", "MONTH"}, "date({year: d.year, month: d.month})"},
}

// Timeline implements domain.Statistician, in one query.
func (s *Store) Timeline(ctx context.Context, f domain.LetterFilter, bucket domain.Bucket) (*domain.Timeline, error) {
	if bucket == "" {
		bucket = domain.BucketYear
	}
	spec, ok := bucketSpecs[bucket]
	if !ok {
		return nil, domain.Invalid("bucket", "%q is not YEAR or MONTH", bucket)
	}
	sel, err := selectLetters(visibilityOf(ctx), f)
	if err != nil {
		return nil, err
	}
	sel.params["precisions"] = spec.precisions
	cypher := sel.cypher + `
		WITH CASE WHEN l.date IS NOT NULL AND l.datePrecision IN $precisions THEN l.date END AS d
		WITH CASE WHEN d IS NULL THEN null ELSE ` + spec.start + ` END AS start
		RETURN start, count(*) AS n
		ORDER BY start`
	return read(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) (*domain.Timeline, error) {
		recs, err := collect(ctx, tx, cypher, sel.params)
		if err != nil {
			return nil, err
		}
		t := &domain.Timeline{}
		for _, rec := range recs {
			n, _ := rec.Values[1].(int64)
			start := date(map[string]any{"d": rec.Values[0]}, "d")
			if start == nil {
				t.Unplaced += int(n)
				continue
			}
			period := fmt.Sprintf("%04d", start.Year())
			if bucket == domain.BucketMonth {
				period = start.Format("2006-01")
			}
			t.Points = append(t.Points, domain.TimelinePoint{Period: period, Start: *start, Letters: int(n)})
		}
		return t, nil
	})
}

// Statistics implements domain.Statistician. Label and relationship-type counts come
// from Neo4j's count store, so the query costs the same on any graph. For a caller who
// does not see restricted letters, the hidden nodes (restricted letters, and what
// only hidden sources assert) and the links that touch them are taken off, walking
// only those nodes, and BCC links are not counted.
func (s *Store) Statistics(ctx context.Context) (*domain.Statistics, error) {
	v := visibilityOf(ctx)
	labels := []domain.Label{domain.LabelLetter, domain.LabelPerson, domain.LabelOrganisation, domain.LabelOffice, domain.LabelPlace}
	var b string
	var cols []string
	for i, l := range labels {
		col := fmt.Sprintf("n%d", i)
		b += "CALL { MATCH (n:" + string(l) + ") RETURN count(n) AS " + col + " }\n"
		b += "CALL { MATCH (n:" + v.excluded() + ") WHERE n:" + string(l) + " RETURN count(n) AS h" + col + " }\n"
		col += " - h" + col
		cols = append(cols, col)
	}
	var kinds []domain.LinkKind
	for i, k := range domain.LinkKinds {
		if k == domain.LinkBCC && !v.restricted {
			continue
		}
		kinds = append(kinds, k)
		col := fmt.Sprintf("r%d", i)
		if linkSpecs[k].from != domain.LabelLetter && !v.restricted {
			// Between correspondents: those a visible source asserts (seen).
			b += "CALL { MATCH ()-[r:" + string(k) + "]->() WHERE " + v.rel("r") + " RETURN count(r) AS " + col + " }\n"
			cols = append(cols, col)
			continue
		}
		b += "CALL { MATCH ()-[r:" + string(k) + "]->() RETURN count(r) AS " + col + " }\n"
		b += "CALL { MATCH (:" + v.excluded() + ")-[r:" + string(k) + "]-() WITH DISTINCT r RETURN count(r) AS h" + col + " }\n"
		col += " - h" + col
		cols = append(cols, col)
	}
	b += "CALL { MATCH (l:Letter) WHERE l.stub AND " + v.letter("l") + " RETURN count(l) AS stubs }\nRETURN stubs"
	for _, c := range cols {
		b += ", " + c
	}
	return read(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) (*domain.Statistics, error) {
		recs, err := collect(ctx, tx, b, nil)
		if err != nil {
			return nil, err
		}
		vals := recs[0].Values
		st := &domain.Statistics{Nodes: map[domain.Label]int{}, Links: map[domain.LinkKind]int{}}
		n, _ := vals[0].(int64)
		st.Stubs = int(n)
		for i, l := range labels {
			n, _ := vals[1+i].(int64)
			st.Nodes[l] = int(n)
		}
		for i, k := range kinds {
			n, _ := vals[1+len(labels)+i].(int64)
			st.Links[k] = int(n)
		}
		return st, nil
	})
}

// topBatch is the least number of candidates TopCorrespondents reads at a time for a
// caller below RESTRICTED_ROLE; tests lower it.
var topBatch = 20

// TopCorrespondents implements domain.Statistician. It reads each correspondent's
// count of links from the degree store, without visiting letters: that is the
// answer for a caller who sees every letter. For one who does not, a count of links
// bounds the count of visible letters from above, so the top n are found as the
// threshold algorithm finds them: correspondents by their count of links, most
// first, a batch at a time; the visible letters of those alone are counted; and it
// stops when the next one's count of links is below the n-th visible count found
// (then no one further can rank higher). Restricted letters being few, one batch is
// the rule, and the walk over every link of the graph the exception.
func (s *Store) TopCorrespondents(ctx context.Context, role domain.Role, n int) ([]domain.RoleCount, error) {
	v := visibilityOf(ctx)
	types, err := v.roleTypes(role, "role")
	if err != nil {
		return nil, err
	}
	if n < 0 || n > domain.MaxPageSize {
		return nil, domain.Limit("first", "at most %d at a time", domain.MaxPageSize)
	}
	// The role's relationships link correspondents to letters alone: an end of
	// any label lets Neo4j read the degree store (getDegree).
	links := "COUNT { (c)-[:" + types + "]-() }"
	return read(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) ([]domain.RoleCount, error) {
		if v.restricted {
			recs, err := collect(ctx, tx, `
				MATCH (c:Correspondent)
				WITH c, `+links+` AS n
				WHERE n > 0
				WITH c, n ORDER BY n DESC, c.nameKey, c.id LIMIT $n
				RETURN `+v.correspondentProjection()+`, n`, map[string]any{"n": n})
			if err != nil {
				return nil, err
			}
			out := make([]domain.RoleCount, len(recs))
			for i, rec := range recs {
				k, _ := rec.Values[1].(int64)
				out[i] = domain.RoleCount{Correspondent: toCorrespondent(mapOf(rec.Values[0])), Letters: int(k)}
			}
			return out, nil
		}
		type candidate struct {
			key   string
			count domain.RoleCount
		}
		var found []candidate
		batch := max(n, topBatch)
		for skip := 0; ; skip += batch {
			recs, err := collect(ctx, tx, `
				MATCH (c:Correspondent) WHERE `+v.node("c")+`
				WITH c, `+links+` AS bound
				WHERE bound > 0
				WITH c, bound ORDER BY bound DESC, c.id SKIP $skip LIMIT $batch
				WITH c, bound, COUNT { (c)-[:`+types+`]-(l:Letter) WHERE `+v.letter("l")+` } AS n
				RETURN c.nameKey, bound, n, CASE WHEN n > 0 THEN `+v.correspondentProjection()+` END`,
				map[string]any{"skip": skip, "batch": batch})
			if err != nil {
				return nil, err
			}
			last := 0
			for _, rec := range recs {
				key, _ := rec.Values[0].(string)
				bound, _ := rec.Values[1].(int64)
				k, _ := rec.Values[2].(int64)
				last = int(bound)
				if k > 0 {
					found = append(found, candidate{key, domain.RoleCount{Correspondent: toCorrespondent(mapOf(rec.Values[3])), Letters: int(k)}})
				}
			}
			slices.SortFunc(found, func(a, b candidate) int {
				return cmp.Or(cmp.Compare(b.count.Letters, a.count.Letters), cmp.Compare(a.key, b.key),
					cmp.Compare(a.count.Correspondent.NodeID(), b.count.Correspondent.NodeID()))
			})
			found = found[:min(len(found), n)]
			if len(recs) < batch || len(found) == n && (n == 0 || last < found[n-1].count.Letters) {
				break
			}
		}
		out := make([]domain.RoleCount, len(found))
		for i, c := range found {
			out[i] = c.count
		}
		return out, nil
	})
}
