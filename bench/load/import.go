package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/oklog/ulid/v2"

	"github.com/lettergraph/lettergraph/bench/internal/gql"
	"github.com/lettergraph/lettergraph/internal/domain"
	"github.com/lettergraph/lettergraph/internal/gen"
	"github.com/lettergraph/lettergraph/internal/ingest"
	"github.com/lettergraph/lettergraph/internal/neo4jstore"
)

// importBatch is the documents each writer writes at a time: lettergraph and the raw
// writer a batch, the peer a call of its bulk mutation.
const importBatch = 500

// importRates writes n generated letters with each of lettergraph's importer, the
// peer's create mutations and raw UNWIND Cypher through the driver, each its own
// corpus (another seed) so that none finds the others' letters, and prints the
// rates. The raw writes are the limit: letters, their parties merged on a name key,
// and their links, one query a batch, with no identity rules, hashes or stubs.
func importRates(ctx context.Context, w io.Writer, store *neo4jstore.Store, driver neo4j.DriverWithContext, peerURL string, n, peerN int, seed uint64) error {
	corpus := func(seed uint64, n int) ([]domain.LetterInput, string, error) {
		var b bytes.Buffer
		if err := gen.WriteNDJSON(&b, gen.Config{Letters: n, Seed: seed}); err != nil {
			return nil, "", err
		}
		var docs []domain.LetterInput
		im := &ingest.Importer{Options: ingest.Options{DryRun: true}, OnOutcome: func(o ingest.Outcome) {
			if o.Err == nil {
				docs = append(docs, o.Letter)
			}
		}}
		_, err := im.Import(ctx, []ingest.Source{ingest.StringSource("corpus", b.String())})
		return docs, b.String(), err
	}
	rate := func(start time.Time, n int) float64 { return float64(n) / time.Since(start).Seconds() }
	fmt.Fprintf(w, "| import, batches of %d | letters | letters/s |\n|---|---|---|\n", importBatch)

	_, text, err := corpus(seed, n)
	if err != nil {
		return err
	}
	start := time.Now()
	im := &ingest.Importer{Writer: store, Options: ingest.Options{BatchSize: importBatch}}
	if _, err := im.Import(ctx, []ingest.Source{ingest.StringSource("corpus", text)}); err != nil {
		return err
	}
	ours := rate(start, n)
	fmt.Fprintf(w, "| lettergraph (its importer: identity rules, hashes, stubs, links) | %d | %.0f |\n", n, ours)

	docs, _, err := corpus(seed+1, n)
	if err != nil {
		return err
	}
	start = time.Now()
	if err := rawImport(ctx, driver, docs); err != nil {
		return err
	}
	raw := rate(start, n)
	fmt.Fprintf(w, "| raw UNWIND through the driver (the limit) | %d | %.0f |\n", n, raw)

	if peerURL != "" && peerN > 0 {
		docs, _, err := corpus(seed+2, peerN)
		if err != nil {
			return err
		}
		start = time.Now()
		if err := peerImport(ctx, peerURL, docs); err != nil {
			return err
		}
		fmt.Fprintf(w, "| peer (createPeople, createOrganisations, createOffices, then its @cypher importLetters: UNWIND, linking by id) | %d | %.0f |\n", peerN, rate(start, peerN))
	}
	fmt.Fprintf(w, "\nlettergraph/raw UNWIND: %.2f\n", ours/raw)
	return nil
}

// party is a letter's party as the raw and peer writers see it: a kind, a key that
// merges its spellings as lettergraph's name key would, and a display name.
type party struct {
	kind, key, name string
}

func partyOf(p domain.PartyInput) party {
	switch {
	case p.Person != nil:
		return party{"Person", "person:" + domain.NormalizeName(p.Person.Name), p.Person.Name}
	case p.Organisation != nil:
		return party{"Organisation", "organisation:" + domain.Fold(p.Organisation.Name), p.Organisation.Name}
	case p.Office != nil:
		return party{"Office", "office:" + domain.Fold(p.Office.Title), p.Office.Title}
	}
	return party{"Person", "id:" + p.ID, p.ID}
}

// roles are a letter's parties by relationship type, in the order written.
func roles(d *domain.LetterInput) map[string][]domain.PartyInput {
	return map[string][]domain.PartyInput{"WROTE": d.Authors, "ADDRESSED_TO": d.Recipients, "CC": d.CC}
}

func letterProps(d *domain.LetterInput) map[string]any {
	props := map[string]any{"title": d.Title, "subject": d.Subject, "body": d.Body, "stub": false,
		"importedAt": time.Now().UTC()}
	if d.Date != nil {
		props["date"] = neo4j.DateOf(*d.Date)
		props["sortDate"] = neo4j.DateOf(*d.Date)
	}
	return props
}

const rawUnwind = `
UNWIND $rows AS row
CREATE (l:Letter {id: row.id}) SET l += row.props
WITH l, row
CALL {
	WITH l, row
	UNWIND row.parties AS p
	MERGE (c:Correspondent {nameKey: p.key})
	  ON CREATE SET c.id = p.id, c.name = p.name
	FOREACH (_ IN CASE WHEN p.type = 'WROTE' THEN [1] ELSE [] END | MERGE (c)-[:WROTE {position: p.pos}]->(l))
	FOREACH (_ IN CASE WHEN p.type = 'ADDRESSED_TO' THEN [1] ELSE [] END | MERGE (l)-[:ADDRESSED_TO {position: p.pos}]->(c))
	FOREACH (_ IN CASE WHEN p.type = 'CC' THEN [1] ELSE [] END | MERGE (l)-[:CC {position: p.pos}]->(c))
}`

func rawImport(ctx context.Context, driver neo4j.DriverWithContext, docs []domain.LetterInput) error {
	for i := 0; i < len(docs); i += importBatch {
		var rows []map[string]any
		for _, d := range docs[i:min(i+importBatch, len(docs))] {
			var parties []map[string]any
			for typ, ps := range roles(&d) {
				for pos, p := range ps {
					pp := partyOf(p)
					parties = append(parties, map[string]any{"type": typ, "pos": pos + 1, "key": pp.key, "name": pp.name, "id": ulid.Make().String()})
				}
			}
			rows = append(rows, map[string]any{"id": ulid.Make().String(), "props": letterProps(&d), "parties": parties})
		}
		_, err := neo4j.ExecuteQuery(ctx, driver, rawUnwind, map[string]any{"rows": rows}, neo4j.EagerResultTransformer)
		if err != nil {
			return err
		}
	}
	return nil
}

// peerImport writes the documents through the peer: the correspondents first, with
// its generated create mutations (it has no way to merge them; a list of nodes without
// relationships, which it writes with one UNWIND), then the letters with importLetters,
// its @cypher mutation: one UNWIND statement a batch creating the letters and linking
// their parties by id, the library's documented way for bulk writes. It writes what
// createLetters connecting by id writes: the letter's properties, and a relationship
// without properties to each party.
func peerImport(ctx context.Context, url string, docs []domain.LetterInput) error {
	ids := map[string]string{}
	byKind := map[string][]map[string]any{}
	for i := range docs {
		for _, ps := range roles(&docs[i]) {
			for _, p := range ps {
				pp := partyOf(p)
				if _, ok := ids[pp.key]; !ok {
					ids[pp.key] = ulid.Make().String()
					byKind[pp.kind] = append(byKind[pp.kind], map[string]any{"id": ids[pp.key], "name": pp.name})
				}
			}
		}
	}
	mutations := map[string]string{
		"Person":       `mutation ($in: [PersonCreateInput!]!) { createPeople(input: $in) { info { nodesCreated } } }`,
		"Organisation": `mutation ($in: [OrganisationCreateInput!]!) { createOrganisations(input: $in) { info { nodesCreated } } }`,
		"Office":       `mutation ($in: [OfficeCreateInput!]!) { createOffices(input: $in) { info { nodesCreated } } }`,
	}
	for kind, list := range byKind {
		for i := 0; i < len(list); i += importBatch {
			if _, err := gql.Post(ctx, client, url, mutations[kind], map[string]any{"in": list[i:min(i+importBatch, len(list))]}); err != nil {
				return fmt.Errorf("creating %s: %w", kind, err)
			}
		}
	}
	field := map[string]string{"WROTE": "authors", "ADDRESSED_TO": "recipients", "CC": "cc"}
	for i := 0; i < len(docs); i += importBatch {
		var in []any
		for _, d := range docs[i:min(i+importBatch, len(docs))] {
			l := map[string]any{"id": ulid.Make().String(), "title": d.Title, "subject": d.Subject, "body": d.Body,
				"importedAt": time.Now().UTC().Format(time.RFC3339Nano)}
			if d.Date != nil {
				l["date"] = d.Date.Format(time.DateOnly)
				l["sortDate"] = d.Date.Format(time.DateOnly)
			}
			for typ, ps := range roles(&d) {
				parties := []string{}
				for _, p := range ps {
					parties = append(parties, ids[partyOf(p).key])
				}
				l[field[typ]] = parties
			}
			in = append(in, l)
		}
		if _, err := gql.Post(ctx, client, url, `mutation ($in: [LetterImport!]!) { importLetters(letters: $in) }`, map[string]any{"in": in}); err != nil {
			return fmt.Errorf("importing letters: %w", err)
		}
	}
	return nil
}
