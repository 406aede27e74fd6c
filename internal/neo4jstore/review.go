package neo4jstore

import (
	"context"
	"sort"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// Duplicate is a pair of correspondents of one kind that may be one, and why.
type Duplicate struct {
	Kind   domain.Label
	A, B   domain.Correspondent
	Reason string
}

// reviewLimit bounds the report: past it, a person would merge and run it again.
const reviewLimit = 500

// DuplicateCandidates lists pairs of people or organisations that may be one: the
// same name key on two nodes (which automatic resolution refused to join, for
// example because their emails differ), the same words in another order ("Rama,
// Edi"), or names one or two letters apart. Offices are left out: the same title in
// two organisations is two offices.
func (s *Store) DuplicateCandidates(ctx context.Context) ([]Duplicate, error) {
	return read(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) ([]Duplicate, error) {
		recs, err := collect(ctx, tx, `
			MATCH (c:Correspondent) WHERE c:Person OR c:Organisation
			RETURN `+writer.correspondentProjection()+` AS c, c.nameKey AS key
			ORDER BY key, c.id`, nil)
		if err != nil {
			return nil, err
		}
		type entry struct {
			c   domain.Correspondent
			key string
		}
		byKind := map[domain.Label][]entry{}
		for _, rec := range recs {
			c := toCorrespondent(mapOf(rec.Values[0]))
			key, _ := rec.Values[1].(string)
			if c != nil && key != "" {
				byKind[c.NodeLabel()] = append(byKind[c.NodeLabel()], entry{c, key})
			}
		}
		var out []Duplicate
		add := func(kind domain.Label, a, b entry, reason string) {
			if len(out) < reviewLimit {
				out = append(out, Duplicate{Kind: kind, A: a.c, B: b.c, Reason: reason})
			}
		}
		for _, kind := range []domain.Label{domain.LabelPerson, domain.LabelOrganisation} {
			list := byKind[kind]
			// Blocks keep the comparison near-linear: names compared letter by letter
			// share their sorted words or their first three letters.
			blocks := map[string][]entry{}
			for _, e := range list {
				for _, b := range []string{"w:" + sortedWords(e.key), "p:" + prefix(e.key, 3), "l:" + lastWord(e.key)} {
					blocks[b] = append(blocks[b], e)
				}
			}
			seen := map[[2]string]bool{}
			keys := make([]string, 0, len(blocks))
			for k := range blocks {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, bk := range keys {
				block := blocks[bk]
				if len(block) > 200 {
					block = block[:200] // a huge block is a common prefix, not a duplicate
				}
				for i := 0; i < len(block); i++ {
					for j := i + 1; j < len(block); j++ {
						a, b := block[i], block[j]
						pair := [2]string{a.c.NodeID(), b.c.NodeID()}
						if seen[pair] {
							continue
						}
						var reason string
						switch {
						case a.key == b.key:
							reason = "same name"
						case sortedWords(a.key) == sortedWords(b.key):
							reason = "same words in another order"
						case len(a.key) >= 6 && editDistanceAtMost(a.key, b.key, 2):
							reason = "names differ by one or two letters"
						case kind == domain.LabelPerson && initialOf(a.key, b.key):
							reason = "an initial for a first name"
						default:
							continue
						}
						seen[pair] = true
						add(kind, a, b, reason)
					}
				}
			}
		}
		return out, nil
	})
}

func lastWord(key string) string {
	w := strings.Fields(key)
	if len(w) == 0 {
		return ""
	}
	return w[len(w)-1]
}

// initialOf reports whether two names share their last word and one's first word is
// the initial of the other's: "e rama" and "edi rama".
func initialOf(a, b string) bool {
	wa, wb := strings.Fields(a), strings.Fields(b)
	if len(wa) < 2 || len(wb) < 2 || wa[len(wa)-1] != wb[len(wb)-1] {
		return false
	}
	fa, fb := wa[0], wb[0]
	if len([]rune(fa)) > len([]rune(fb)) {
		fa, fb = fb, fa
	}
	return len([]rune(fa)) == 1 && strings.HasPrefix(fb, fa)
}

func sortedWords(key string) string {
	w := strings.Fields(key)
	sort.Strings(w)
	return strings.Join(w, " ")
}

func prefix(s string, n int) string {
	r := []rune(s)
	return string(r[:min(n, len(r))])
}

// editDistanceAtMost reports whether a and b are at most max edits apart
// (Levenshtein), giving up as soon as every path is over.
func editDistanceAtMost(a, b string, max int) bool {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d > max || -d > max {
		return false
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			best = min(best, cur[j])
		}
		if best > max {
			return false
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)] <= max
}
