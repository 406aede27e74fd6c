package neo4jstore

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// schema is every constraint and index lettergraph needs. Each statement is idempotent
// (IF NOT EXISTS), so Migrate can run at every start.
var schema = []string{
	// Stable ids, one constraint per label (a uniqueness constraint is also an index).
	`CREATE CONSTRAINT letter_id IF NOT EXISTS FOR (n:Letter) REQUIRE n.id IS UNIQUE`,
	`CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE`,
	`CREATE CONSTRAINT organisation_id IF NOT EXISTS FOR (n:Organisation) REQUIRE n.id IS UNIQUE`,
	`CREATE CONSTRAINT office_id IF NOT EXISTS FOR (n:Office) REQUIRE n.id IS UNIQUE`,
	`CREATE CONSTRAINT place_id IF NOT EXISTS FOR (n:Place) REQUIRE n.id IS UNIQUE`,
	`CREATE CONSTRAINT correspondent_id IF NOT EXISTS FOR (n:Correspondent) REQUIRE n.id IS UNIQUE`,
	// The same document is one letter; a Message-ID or CMIF key names one letter;
	// each among the letters of one scope (hashScope: 'open', or 'hidden' for a
	// restricted letter), so that a writer who may not see restricted letters writes
	// a new letter where one of theirs has the same content, and learns nothing of
	// it (docs/security.md, Provenance). The first constraints held across scopes.
	`DROP CONSTRAINT letter_content_hash IF EXISTS`,
	`DROP CONSTRAINT letter_external_id IF EXISTS`,
	`CREATE CONSTRAINT letter_content_hash_scope IF NOT EXISTS FOR (n:Letter) REQUIRE (n.contentHash, n.hashScope) IS UNIQUE`,
	`CREATE CONSTRAINT letter_external_id_scope IF NOT EXISTS FOR (n:Letter) REQUIRE (n.externalId, n.hashScope) IS UNIQUE`,
	`CREATE INDEX letter_content_hash_lookup IF NOT EXISTS FOR (n:Letter) ON (n.contentHash)`,
	// The hash without blind copies, by which writers below RESTRICTED_ROLE find the
	// same document (batch.go).
	`CREATE INDEX letter_open_hash_lookup IF NOT EXISTS FOR (n:Letter) ON (n.openHash)`,
	`CREATE INDEX letter_external_id_lookup IF NOT EXISTS FOR (n:Letter) ON (n.externalId)`,
	// Identity keys (identity.go): authority ids, emails and names that find a node.
	`CREATE CONSTRAINT identity_key IF NOT EXISTS FOR (n:IdentityKey) REQUIRE n.key IS UNIQUE`,
	// Counters (feed.go): the position of each letter added.
	`CREATE CONSTRAINT sequence_name IF NOT EXISTS FOR (n:Sequence) REQUIRE n.name IS UNIQUE`,
	`CREATE INDEX letter_added_seq IF NOT EXISTS FOR (n:Letter) ON (n.addedSeq)`,
	// Keyset paging and the date-range filter.
	`CREATE INDEX letter_sort_date IF NOT EXISTS FOR (n:Letter) ON (n.sortDate)`,
	`CREATE INDEX letter_date_not_before IF NOT EXISTS FOR (n:Letter) ON (n.dateNotBefore)`,
	`CREATE INDEX letter_date_not_after IF NOT EXISTS FOR (n:Letter) ON (n.dateNotAfter)`,
	`CREATE INDEX letter_imported_at IF NOT EXISTS FOR (n:Letter) ON (n.importedAt)`,
	`CREATE INDEX letter_title_key IF NOT EXISTS FOR (n:Letter) ON (n.titleKey)`,
	`CREATE INDEX letter_stub_key IF NOT EXISTS FOR (n:Letter) ON (n.stubKey)`,
	// Identity resolution and ordering by name.
	`CREATE INDEX person_normalized_name IF NOT EXISTS FOR (n:Person) ON (n.normalizedName)`,
	`CREATE INDEX organisation_normalized_name IF NOT EXISTS FOR (n:Organisation) ON (n.normalizedName)`,
	`CREATE INDEX office_normalized_title IF NOT EXISTS FOR (n:Office) ON (n.normalizedTitle)`,
	`CREATE INDEX place_normalized_name IF NOT EXISTS FOR (n:Place) ON (n.normalizedName)`,
	`CREATE INDEX correspondent_name_key IF NOT EXISTS FOR (n:Correspondent) ON (n.nameKey)`,
	// Full text. The first full-text indexes, over the raw text (letter_text,
	// correspondent_names), gave way to the folded copies below; every index costs
	// each write, so they are dropped where they exist.
	`DROP INDEX letter_text IF EXISTS`,
	`DROP INDEX correspondent_names IF EXISTS`,
	// Search runs over folded copies (searchText, nameKeys: domain.Fold), so that
	// Persian letter variants and marks, and Latin diacritics, match either way.
	`CREATE FULLTEXT INDEX letter_search IF NOT EXISTS FOR (n:Letter) ON EACH [n.searchText]
	 OPTIONS {indexConfig: {` + "`fulltext.analyzer`" + `: 'standard-no-stop-words'}}`,
	`CREATE FULLTEXT INDEX correspondent_search IF NOT EXISTS FOR (n:Person|Organisation|Office) ON EACH [n.nameKeys]
	 OPTIONS {indexConfig: {` + "`fulltext.analyzer`" + `: 'standard-no-stop-words'}}`,
	// The same over what a caller below RESTRICTED_ROLE may see (searchableLabel,
	// provenance.go), so that their hits are ranked among visible nodes alone.
	openIndexes["letter_search_open"],
	openIndexes["correspondent_search_open"],
	// Provenance (provenance.go): the stubs that stand for restricted letters, and
	// the migration's marker.
	`CREATE INDEX proxy_of IF NOT EXISTS FOR (n:Proxy) ON (n.proxyOf)`,
	`CREATE CONSTRAINT migration_name IF NOT EXISTS FOR (n:Migration) REQUIRE n.name IS UNIQUE`,
	`CREATE CONSTRAINT change_id IF NOT EXISTS FOR (n:Change) REQUIRE n.id IS UNIQUE`,
}

// openIndexes are the full-text indexes over what a caller below RESTRICTED_ROLE
// may see, by name (Reindex).
var openIndexes = map[string]string{
	"letter_search_open": `CREATE FULLTEXT INDEX letter_search_open IF NOT EXISTS FOR (n:` + searchableLabel + `) ON EACH [n.searchText]
	 OPTIONS {indexConfig: {` + "`fulltext.analyzer`" + `: 'standard-no-stop-words'}}`,
	"correspondent_search_open": `CREATE FULLTEXT INDEX correspondent_search_open IF NOT EXISTS FOR (n:` + searchableLabel + `) ON EACH [n.openNameKeys]
	 OPTIONS {indexConfig: {` + "`fulltext.analyzer`" + `: 'standard-no-stop-words'}}`,
}

// Reindex builds the readers' full-text indexes again from what they may see now,
// and waits for them. A letter public once and restricted since stays in an index's
// statistics (Lucene keeps a deleted document there until it merges segments), and
// so in the scores readers get: rebuilding forgets it (docs/security.md, Provenance).
// Readers' searches fail while the indexes are built.
func (s *Store) Reindex(ctx context.Context) error {
	for _, name := range []string{"letter_search_open", "correspondent_search_open"} {
		for _, stmt := range []string{"DROP INDEX " + name + " IF EXISTS", openIndexes[name]} {
			if err := s.schemaChange(ctx, stmt); err != nil {
				return err
			}
		}
	}
	return s.schemaChange(ctx, awaitIndexes)
}

// awaitIndexes waits for the indexes to come online.
const awaitIndexes = `CALL db.awaitIndexes(300)`

// schemaChange runs one schema statement in a transaction of its own: schema changes
// cannot share one with other writes.
func (s *Store) schemaChange(ctx context.Context, stmt string) error {
	_, err := write(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) (struct{}, error) {
		return struct{}{}, exec(ctx, tx, stmt, nil)
	})
	return err
}

// Migrate applies the schema and waits for the indexes to come online. It is safe to
// run at every start and from several processes at once.
func (s *Store) Migrate(ctx context.Context) error {
	for _, stmt := range schema {
		if err := s.schemaChange(ctx, stmt); err != nil {
			return err
		}
	}
	if err := s.schemaChange(ctx, awaitIndexes); err != nil {
		return err
	}
	if err := s.backfillSearchText(ctx); err != nil {
		return err
	}
	if err := s.migrateProvenance(ctx); err != nil {
		return err
	}
	if err := s.once(ctx, "open-affiliations-1", migrateOpenAffiliations); err != nil {
		return err
	}
	if err := s.migratePairs(ctx); err != nil {
		return err
	}
	for _, stmt := range backfillIdentity {
		_, err := write(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) (struct{}, error) {
			return struct{}{}, exec(ctx, tx, stmt, nil)
		})
		if err != nil {
			return err
		}
	}
	_, err := write(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) (struct{}, error) {
		return struct{}{}, exec(ctx, tx, backfillProxies, nil)
	})
	return err
}

// backfillSearchText gives letters written before searchText existed their folded
// copy, a thousand at a time.
func (s *Store) backfillSearchText(ctx context.Context) error {
	for {
		n, err := write(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) (int, error) {
			recs, err := collect(ctx, tx, `
				MATCH (l:Letter) WHERE l.searchText IS NULL
				RETURN l.id, coalesce(l.title, ''), coalesce(l.subject, ''), coalesce(l.body, '') LIMIT 1000`, nil)
			if err != nil || len(recs) == 0 {
				return 0, err
			}
			rows := make([]map[string]any, len(recs))
			for i, rec := range recs {
				title, _ := rec.Values[1].(string)
				subject, _ := rec.Values[2].(string)
				body, _ := rec.Values[3].(string)
				rows[i] = map[string]any{"id": rec.Values[0], "text": searchText(title, subject, body)}
			}
			return len(rows), exec(ctx, tx, `
				UNWIND $rows AS row MATCH (l:Letter {id: row.id}) SET l.searchText = row.text`,
				map[string]any{"rows": rows})
		})
		if err != nil || n == 0 {
			return err
		}
	}
}
