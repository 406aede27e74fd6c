package neo4jstore

import (
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/oklog/ulid/v2"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// undatedSortDate is the sort key of a letter with no date: before any real date, so
// undated letters come last newest-first. Neo4j dates reach far past it.
var undatedSortDate = time.Date(-9999, 1, 1, 0, 0, 0, 0, time.UTC)

// newID returns a new node id: a ULID, so ids sort by creation time.
func newID() string { return ulid.Make().String() }

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
// finding a stub by title) and stub=false.
func letterProps(in *domain.LetterInput, hash string, now time.Time) map[string]any {
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
		"titleKey":      titleKey(in.Title, in.Subject),
		"searchText":    searchText(in.Title, in.Subject, in.Body),
		"stubKey":       nil, // a completed stub is found by title no more
		"stub":          false,
		"importedAt":    now,
	}
}

// stubProps is the property map of a letter known only by a reference.
func stubProps(ref *domain.LetterRef, now time.Time) map[string]any {
	return map[string]any{
		"title":         opt(ref.Title),
		"externalId":    opt(ref.ExternalID),
		"titleKey":      titleKey(ref.Title, ""),
		"searchText":    searchText(ref.Title, "", ""),
		"stubKey":       opt(titleKey(ref.Title, "")),
		"datePrecision": string(domain.PrecisionUnknown),
		"sortDate":      neo4j.DateOf(undatedSortDate),
		"stub":          true,
		"importedAt":    now,
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
