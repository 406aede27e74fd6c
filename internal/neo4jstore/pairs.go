package neo4jstore

import (
	"context"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Pairs of correspondents are an aggregate the writes maintain (docs/architecture.md,
// Maintained aggregates): for every two correspondents named on a letter together
// (as author, recipient, copy or blind copy; never a stub), one relationship from
// the one with the lower id to the other holds how many letters they share, how many
// each wrote to the other, copied the other on, or were copied on alongside it, and
// the dates of the first and the last. A caller who sees restricted letters reads
// pairRel; one below RESTRICTED_ROLE reads openPairRel, which counts only the letters
// they see, through links other than blind copies, and exists only while there is
// one. So `correspondents` and `correspondence` read one relationship per pair instead
// of every letter the two share.
//
// A write keeps them current with a pairTally: before it changes a letter's parties,
// dates or visibility, or deletes it, take() takes the letter's contributions off;
// after, put() puts what it contributes now back; settle() recomputes the first and
// last dates that taking a letter off may have left wrong. Every letter whose
// contribution changes must be in the ids given to both; more is harmless.
// Store.CheckPairs recomputes them from the letters and reports (or repairs) drift.
const (
	pairRel     = "PAIR"
	openPairRel = "OPEN_PAIR"
)

// pairCounts are the counts a pair keeps, seen from its start (a) towards its end
// (b), and how each follows from the types of the links by which one letter names the
// two: t is one of them, [type of a's link, type of b's link].
var pairCounts = []struct{ name, cond string }{
	{"letters", "true"},
	{"abTo", "t = ['WROTE', 'ADDRESSED_TO']"},
	{"baTo", "t = ['ADDRESSED_TO', 'WROTE']"},
	{"abCc", "t[0] = 'WROTE' AND t[1] IN ['CC', 'BCC']"},
	{"baCc", "t[1] = 'WROTE' AND t[0] IN ['CC', 'BCC']"},
	{"along", "t[0] IN ['CC', 'BCC'] AND t[1] IN ['CC', 'BCC']"},
	{"abSent", "t[0] = 'WROTE' AND t[1] IN ['ADDRESSED_TO', 'CC', 'BCC']"},
	{"baSent", "t[1] = 'WROTE' AND t[0] IN ['ADDRESSED_TO', 'CC', 'BCC']"},
}

// pairRows is the Cypher that, from the letters bound to l by source (which may bind
// x0 too, a correspondent all pairs are to start at), aggregates the contributions
// of those letters per pair (x, y), x.id < y.id: a_<count> and a_first, a_last for
// pairRel, o_… for openPairRel.
func pairRows(source, where string) string {
	var b strings.Builder
	b.WriteString(source + `
	MATCH (x:Correspondent)-[r1:WROTE|ADDRESSED_TO|CC|BCC]-(l)-[r2:WROTE|ADDRESSED_TO|CC|BCC]-(y:Correspondent)
	WHERE x.id < y.id AND l.stub = false AND NOT l:` + proxyLabel + where + `
	WITH l, x, y, collect([type(r1), type(r2)]) AS ts
	WITH l, x, y, ts, CASE WHEN l:` + restrictedLabel + ` THEN [] ELSE [t IN ts WHERE NOT 'BCC' IN t] END AS os
	WITH x, y`)
	for _, side := range []struct{ prefix, list string }{{"a_", "ts"}, {"o_", "os"}} {
		for _, c := range pairCounts {
			b.WriteString(",\n\t\tsum(CASE WHEN any(t IN " + side.list + " WHERE " + c.cond + ") THEN 1 ELSE 0 END) AS " + side.prefix + c.name)
		}
		b.WriteString(",\n\t\tmin(CASE WHEN size(" + side.list + ") > 0 THEN l.dateNotBefore END) AS " + side.prefix + "first")
		b.WriteString(",\n\t\tmax(CASE WHEN size(" + side.list + ") > 0 THEN l.dateNotAfter END) AS " + side.prefix + "last")
	}
	return b.String()
}

// applyPairs adds (sign 1) or takes off (sign -1) the contributions pairRows
// aggregated, per relationship type; taking off returns the pairs whose first or
// last date may be wrong now (stale).
func applyPairs(sign int) string {
	var b strings.Builder
	for _, side := range []struct{ prefix, rel string }{{"a_", pairRel}, {"o_", openPairRel}} {
		p := side.prefix
		b.WriteString("\nCALL {\n\tWITH x, y, " + strings.Join(pairVars(p), ", ") + "\n\tWITH * WHERE " + p + "letters > 0\n")
		if sign > 0 {
			b.WriteString("\tMERGE (x)-[p:" + side.rel + "]->(y)\n")
		} else {
			b.WriteString("\tMATCH (x)-[p:" + side.rel + "]->(y)\n")
		}
		var sets []string
		for _, c := range pairCounts {
			op := " + "
			if sign < 0 {
				op = " - "
			}
			sets = append(sets, "p."+c.name+" = coalesce(p."+c.name+", 0)"+op+p+c.name)
		}
		b.WriteString("\tSET " + strings.Join(sets, ",\n\t    ") + "\n")
		if sign > 0 {
			// A letter as early as the first date, put back, makes the first date
			// right again whatever taking letters off left (likewise the last).
			b.WriteString(`	SET p.staleFirst = CASE WHEN p.staleFirst AND ` + p + `first <= p.first THEN null ELSE p.staleFirst END,
	    p.staleLast = CASE WHEN p.staleLast AND ` + p + `last >= p.last THEN null ELSE p.staleLast END
	SET p.first = CASE WHEN p.first IS NULL OR ` + p + `first < p.first THEN coalesce(` + p + `first, p.first) ELSE p.first END,
	    p.last = CASE WHEN p.last IS NULL OR ` + p + `last > p.last THEN coalesce(` + p + `last, p.last) ELSE p.last END
`)
		} else {
			b.WriteString(`	SET p.staleFirst = CASE WHEN ` + p + `first <= p.first THEN true ELSE p.staleFirst END,
	    p.staleLast = CASE WHEN ` + p + `last >= p.last THEN true ELSE p.staleLast END
`)
		}
		b.WriteString("\tWITH p WHERE p.letters <= 0\n\tDELETE p\n}")
	}
	if sign > 0 {
		// Putting on leaves no pair stale that taking off did not.
		return b.String()
	}
	b.WriteString(`
WITH DISTINCT x, y
MATCH (x)-[p:` + pairRel + `|` + openPairRel + `]->(y) WHERE p.staleFirst OR p.staleLast
RETURN DISTINCT [x.id, y.id]`)
	return b.String()
}

var (
	byLetters = `UNWIND $ids AS id
	MATCH (l:Letter {id: id})`
	putPairs  = pairRows(byLetters, "") + applyPairs(1)
	takePairs = pairRows(byLetters, "") + applyPairs(-1)
)

// settlePairs recomputes the first and last dates of the stale pairs among $pairs.
const settlePairs = `
UNWIND $pairs AS k
MATCH (x:Correspondent {id: k[0]})-[p:` + pairRel + `|` + openPairRel + `]->(y:Correspondent {id: k[1]})
WHERE p.staleFirst OR p.staleLast
CALL {
	WITH x, y, p
	MATCH (x)-[r1:WROTE|ADDRESSED_TO|CC|BCC]-(l:Letter)-[r2:WROTE|ADDRESSED_TO|CC|BCC]-(y)
	WHERE l.stub = false AND NOT l:` + proxyLabel + `
	  AND (type(p) = '` + pairRel + `' OR NOT (l:` + restrictedLabel + ` OR type(r1) = 'BCC' OR type(r2) = 'BCC'))
	RETURN min(l.dateNotBefore) AS first, max(l.dateNotAfter) AS last
}
SET p.first = first, p.last = last
REMOVE p.staleFirst, p.staleLast`

// pairTally keeps the pairs current across one write transaction (see above).
type pairTally struct {
	ctx   context.Context
	tx    neo4j.ManagedTransaction
	stale [][]any
}

func newPairTally(ctx context.Context, tx neo4j.ManagedTransaction) *pairTally {
	return &pairTally{ctx: ctx, tx: tx}
}

// take takes the contributions of the letters with ids, as they are now, off.
func (t *pairTally) take(ids []string) error { return t.apply(takePairs, ids) }

// put puts the contributions of the letters with ids, as they are now, on.
func (t *pairTally) put(ids []string) error { return t.apply(putPairs, ids) }

func (t *pairTally) apply(cypher string, ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	recs, err := collect(t.ctx, t.tx, cypher, map[string]any{"ids": ids})
	if err != nil {
		return err
	}
	for _, rec := range recs {
		k, _ := rec.Values[0].([]any)
		t.stale = append(t.stale, k)
	}
	return nil
}

// settle recomputes the dates that take may have left wrong. It is the last step.
func (t *pairTally) settle() error {
	if len(t.stale) == 0 {
		return nil
	}
	err := exec(t.ctx, t.tx, settlePairs, map[string]any{"pairs": t.stale})
	t.stale = nil
	return err
}

// retally runs change between taking the contributions of the letters with ids off
// and putting them back, and settles.
func retally(ctx context.Context, tx neo4j.ManagedTransaction, ids []string, change func() error) error {
	t := newPairTally(ctx, tx)
	if err := t.take(ids); err != nil {
		return err
	}
	if err := change(); err != nil {
		return err
	}
	if err := t.put(ids); err != nil {
		return err
	}
	return t.settle()
}

// pairsTallied is whether the reads that the pairs answer (all of a correspondent's
// pairs, the letters each way between two, without dates) read them; tests turn it
// off to compare them with the letters.
var pairsTallied = true

// pairRelOf is the pair relationship v reads.
func pairRelOf(v visibility) string {
	if v.restricted {
		return pairRel
	}
	return openPairRel
}

// tallied binds, for the correspondent with the id bound to x, each other
// correspondent y it shares a letter with, and the map s of pairsRead: the pair's
// counts seen from x.
func tallied(v visibility, x string) string {
	side := func(a, b string) string {
		return `{letters: p.letters, wroteTo: p.` + a + `To, receivedFrom: p.` + b + `To, copiedOnMine: p.` + a + `Cc,
			copiedOnTheirs: p.` + b + `Cc, copiedAlongside: p.along, first: p.first, last: p.last}`
	}
	return `
		MATCH (x:Correspondent {id: ` + x + `})-[p:` + pairRelOf(v) + `]-(y:Correspondent)
		WITH y, CASE WHEN startNode(p) = x THEN ` + side("ab", "ba") + ` ELSE ` + side("ba", "ab") + ` END AS s`
}
