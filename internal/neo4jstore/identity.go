package neo4jstore

import (
	"github.com/lettergraph/lettergraph/internal/domain"
)

// Identity keys index what finds a correspondent or place again: its authority ids,
// emails and name keys. Neo4j indexes no list elements, so each key is an
// (:IdentityKey {key})-[:IDENTIFIES]->(node) pair under a uniqueness constraint, and
// resolution is a handful of index seeks instead of label scans. A key may identify
// several nodes (two John Smiths whose emails differ share their name key).
//
// Keys are "<kind>:<type>:<value>" with kind person, org or place and type auth,
// email or name. Strength orders the types: an authority id beats an email, which
// beats a name.

type keyType struct {
	prefix   string
	strength int
}

var (
	keyAuth  = keyType{"auth:", 1}
	keyEmail = keyType{"email:", 2}
	keyName  = keyType{"name:", 3}
)

// identityKeys builds the key rows ({k, s}) of one node kind from its values.
func identityKeys(kind string, groups ...keyGroup) []map[string]any {
	var out []map[string]any
	seen := map[string]bool{}
	for _, g := range groups {
		for _, v := range g.values {
			k := kind + ":" + g.typ.prefix + v
			if v != "" && !seen[k] {
				seen[k] = true
				out = append(out, map[string]any{"k": k, "s": g.typ.strength})
			}
		}
	}
	return out
}

type keyGroup struct {
	typ    keyType
	values []string
}

func personIdentity(p *domain.PersonInput) []map[string]any {
	return identityKeys("person", keyGroup{keyAuth, p.AuthorityIDs}, keyGroup{keyEmail, p.Emails},
		keyGroup{keyName, domain.PersonKeys(p)})
}

func orgIdentity(o *domain.OrganisationInput) []map[string]any {
	return identityKeys("org", keyGroup{keyAuth, o.AuthorityIDs}, keyGroup{keyName, domain.OrganisationKeys(o)})
}

func placeIdentity(p *domain.PlaceInput) []map[string]any {
	return identityKeys("place", keyGroup{keyAuth, p.AuthorityIDs}, keyGroup{keyName, []string{domain.NormalizeName(p.Name)}})
}

// findEach builds an identity look-up for many inputs ($inputs, each with its index
// i and its key rows keys): for each, the nodes of a label that any key identifies,
// each with its strongest match, kept WHERE allowed, the first in order returned with
// whether the input adds nothing to it (every key identifies it already, and
// complete holds). It returns rows (i, id, complete); an input that found nothing has
// none. Its arguments are constants; allowed reads emails, authorityIds and country
// as the caller may see them. For a caller below RESTRICTED_ROLE ($restricted false)
// only the keys the open view gives find a node (openKey).
func findEach(label domain.Label, allowed, complete, order string) string {
	return `
		UNWIND $inputs AS in
		CALL {
			WITH in
			UNWIND in.keys AS key
			MATCH (:IdentityKey {key: key.k})-[:IDENTIFIES]->(n:` + string(label) + `)
			WITH in, n, key, substring(key.k, size(split(key.k, ':')[0]) + size(split(key.k, ':')[1]) + 2) AS value
			WHERE $restricted OR n.seq >= $since OR ` + openKey + `
			WITH in, n, min(key.s) AS strength
			WITH in, n, strength,
			     CASE WHEN $restricted THEN n.emails ELSE coalesce(n.openEmails, n.emails) END AS emails,
			     CASE WHEN $restricted THEN n.authorityIds ELSE coalesce(n.openAuthorityIds, n.authorityIds) END AS authorityIds,
			     CASE WHEN $restricted OR n.openAuthorityIds IS NULL THEN n.country ELSE n.openCountry END AS country
			WHERE ` + allowed + `
			RETURN n.id AS id,
			       all(key IN in.keys WHERE EXISTS { (:IdentityKey {key: key.k})-[:IDENTIFIES]->(n) })
			       AND (` + complete + `) AS complete, n:` + hiddenLabel + ` AS hidden
			ORDER BY ` + order + ` LIMIT 1
		}
		RETURN in.i, id, complete, hidden`
}

// olderFirst orders an identity look-up's candidates older first: for a caller below
// RESTRICTED_ROLE by the first visible source that named each (openSeq), so that a
// node a hidden source made earlier is not preferred for it.
const olderFirst = `CASE WHEN $restricted THEN coalesce(n.seq, n.id) ELSE coalesce(n.openSeq, n.seq, n.id) END`

// openKey is true when the key row key, whose value is value, is one that the open
// view of the node n gives (openview.go): a caller below RESTRICTED_ROLE finds a
// node only by what visible sources say of it, as in a graph without the hidden
// ones, where an email only a restricted letter gave would find nobody. A place is
// found by its names as before (its open view keeps one name), and a node the
// transaction made itself by all its keys (resolver.since): within one import batch,
// an open document can therefore still find a node by a key a restricted document
// of the same batch gave it.
const openKey = `(key.s = 1 AND value IN coalesce(n.openAuthorityIds, n.authorityIds, [])
			   OR key.s = 2 AND value IN coalesce(n.openEmails, n.emails, [])
			   OR key.s = 3 AND (n:Place OR value IN coalesce(n.openNameKeys, n.nameKeys, [])))`

// registerKeys is the tail of a statement that writes, for each row in, the node
// bound to v: it adds the row's keys (in.keys, from personIdentity and friends) to the
// index.
func registerKeys(v string) string {
	return "WITH " + v + ", in.keys AS keys\nUNWIND keys AS key\nMERGE (k:IdentityKey {key: key.k})\nMERGE (k)-[:IDENTIFIES]->(" + v + ")"
}

// backfillIdentity indexes nodes written before identity keys (and stub keys)
// existed. It is part of the schema migration, and does nothing once every node is
// indexed.
var backfillIdentity = []string{
	`MATCH (n:Person) WHERE NOT EXISTS { (:IdentityKey)-[:IDENTIFIES]->(n) }
	 WITH n, [k IN coalesce(n.nameKeys, []) | 'person:name:' + k]
	       + [e IN coalesce(n.emails, []) | 'person:email:' + e]
	       + [a IN coalesce(n.authorityIds, []) | 'person:auth:' + a] AS keys
	 UNWIND keys AS key
	 MERGE (k:IdentityKey {key: key}) MERGE (k)-[:IDENTIFIES]->(n)`,
	`MATCH (n:Organisation) WHERE NOT EXISTS { (:IdentityKey)-[:IDENTIFIES]->(n) }
	 WITH n, [k IN coalesce(n.nameKeys, []) | 'org:name:' + k]
	       + [a IN coalesce(n.authorityIds, []) | 'org:auth:' + a] AS keys
	 UNWIND keys AS key
	 MERGE (k:IdentityKey {key: key}) MERGE (k)-[:IDENTIFIES]->(n)`,
	// Stubs written before stubKey existed.
	`MATCH (l:Letter) WHERE l.stub AND l.stubKey IS NULL SET l.stubKey = l.titleKey`,
	`MATCH (n:Place) WHERE NOT EXISTS { (:IdentityKey)-[:IDENTIFIES]->(n) }
	 WITH n, ['place:name:' + n.normalizedName] + [a IN coalesce(n.authorityIds, []) | 'place:auth:' + a] AS keys
	 UNWIND keys AS key
	 MERGE (k:IdentityKey {key: key}) MERGE (k)-[:IDENTIFIES]->(n)`,
}
