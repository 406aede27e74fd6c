package neo4jstore

import (
	"crypto/rand"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/oklog/ulid/v2"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// stubImportedAt is the importedAt of every stub letter, the Unix epoch: a stub was
// never imported, and the time a reference created it would date the letter that
// referred to it, which may be restricted (docs/security.md, Provenance).
var stubImportedAt = time.Unix(0, 0).UTC()

// undatedSortDate is the sort key of a letter with no date: before any real date, so
// undated letters come last newest-first. Neo4j dates reach far past it.
var undatedSortDate = time.Date(-9999, 1, 1, 0, 0, 0, 0, time.UTC)

// newID returns a new node id: 128 random bits, spelt as a ULID is (26 characters of
// Crockford's base 32). It holds no time: a ULID's first ten characters are its
// creation time, and an id that dates a correspondent ties it to the restricted letter
// that created it (docs/security.md, Provenance).
func newID() string {
	var id ulid.ULID
	if _, err := rand.Read(id[:]); err != nil {
		panic(err) // crypto/rand does not fail on the systems Go supports
	}
	return id.String()
}

// The scopes of a letter's content hash and external id (schema.go): a restricted
// letter's are unique among restricted letters, the others' among the others.
const (
	scopeOpen   = "open"
	scopeHidden = "hidden"
)

// newSeq returns the order in which a node was made, a ULID, for the identity
// look-ups that prefer the older of two equal candidates (and so resolve a batch as
// they would its documents one by one). It is internal: no read returns it, since
// it dates the node (newID).
func newSeq() string { return ulid.Make().String() }

// opt returns nil for an empty string, so that no empty property is stored (an empty
// externalId would collide with every other under the uniqueness constraint).
func opt(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func list(l []string) []string {
	if l == nil {
		return []string{}
	}
	return l
}

// letterProps is the property map of a letter written from in. Derived keys: sortDate
// (never null, for keyset paging by date), titleKey (folded title, for ordering and for
// finding a stub by title) and stub=false. open is the hash without blind copies
// (openHash).
func letterProps(in *domain.LetterInput, hash, open string, now time.Time) map[string]any {
	sortDate := undatedSortDate
	if in.DateNotBefore != nil {
		sortDate = *in.DateNotBefore
	}
	return map[string]any{
		"title":         opt(in.Title),
		"subject":       opt(in.Subject),
		"body":          opt(in.Body),
		"date":          neoDate(in.Date),
		"dateText":      opt(in.DateText),
		"datePrecision": string(in.DatePrecision),
		"dateNotBefore": neoDate(in.DateNotBefore),
		"dateNotAfter":  neoDate(in.DateNotAfter),
		"sortDate":      neo4j.DateOf(sortDate),
		"language":      opt(in.Language),
		"placeText":     opt(in.PlaceText),
		"sourceFormat":  string(in.SourceFormat),
		"source":        opt(in.Source),
		"externalId":    opt(in.ExternalID),
		"contentHash":   hash,
		"seq":           newSeq(),
		"openHash":      open,
		"titleKey":      titleKey(in.Title, in.Subject),
		"searchText":    searchText(in.Title, in.Subject, in.Body),
		"stubKey":       nil, // a completed stub is found by title no more
		"stub":          false,
		"importedAt":    now,
	}
}

// stubProps is the property map of a letter known only by a reference. A stub that
// a restricted document's reference makes is in the hidden scope of the uniqueness
// constraints (hidden), so that its external id is no conflict for those who do
// not see it (docs/security.md, Provenance).
func stubProps(ref *domain.LetterRef, hidden bool) map[string]any {
	scope := scopeOpen
	if hidden {
		scope = scopeHidden
	}
	return map[string]any{
		"title":         opt(ref.Title),
		"externalId":    opt(ref.ExternalID),
		"titleKey":      titleKey(ref.Title, ""),
		"searchText":    searchText(ref.Title, "", ""),
		"stubKey":       opt(titleKey(ref.Title, "")),
		"datePrecision": string(domain.PrecisionUnknown),
		"sortDate":      neo4j.DateOf(undatedSortDate),
		"stub":          true,
		"hashScope":     scope,
		"importedAt":    stubImportedAt,
		"seq":           newSeq(),
	}
}

func titleKey(title, subject string) string {
	if title == "" {
		title = subject
	}
	return domain.Fold(title)
}

// searchText is the folded copy of a letter's text that full-text search reads.
func searchText(title, subject, body string) string {
	return domain.Fold(title) + "\n" + domain.Fold(subject) + "\n" + domain.Fold(body)
}

// openHash is the content hash that callers below RESTRICTED_ROLE read: the hash of
// the document without its blind copies, which is what the letter's hash would be
// in a graph without them. The full hash covers the blind copies, and anyone who can
// compute it for each candidate name would learn who was blind-copied.
func openHash(in *domain.LetterInput, hash string) string {
	if len(in.BCC) == 0 {
		return hash
	}
	open := *in
	open.BCC = nil
	return domain.ContentHash(&open)
}
