package neo4jstore

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// The converters below turn the maps that the projections in projection.go return into
// domain values. They are the only code that knows the stored property names on the
// read side; props.go is its counterpart on the write side.

func str(m map[string]any, key string) string {
	s, _ := m[key].(string)
	return s
}

func strs(m map[string]any, key string) []string { return toStrings(m[key]) }

// toStrings is the strings of a list value.
func toStrings(v any) []string {
	list, _ := v.([]any)
	out := make([]string, 0, len(list))
	for _, v := range list {
		if s, ok := v.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

func integer(m map[string]any, key string) int {
	n, _ := m[key].(int64)
	return int(n)
}

func boolean(m map[string]any, key string) bool {
	b, _ := m[key].(bool)
	return b
}

// date reads a Neo4j DATE as midnight UTC.
func date(m map[string]any, key string) *time.Time {
	d, ok := m[key].(dbtype.Date)
	if !ok {
		return nil
	}
	t := d.Time()
	t = time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	return &t
}

func datetime(m map[string]any, key string) time.Time {
	t, _ := m[key].(time.Time)
	return t.UTC()
}

func mapOf(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}

func listOf(v any) []map[string]any {
	list, _ := v.([]any)
	out := make([]map[string]any, 0, len(list))
	for _, e := range list {
		if m := mapOf(e); m != nil {
			out = append(out, m)
		}
	}
	return out
}

// toLetter converts a letter map, and the link lists that letterProjectionOf(parts)
// adds (none for parts 0: a letter reached through another's links).
func toLetter(m map[string]any, parts domain.LetterParts) *domain.Letter {
	l := &domain.Letter{
		ID:            str(m, "id"),
		Title:         str(m, "title"),
		Subject:       str(m, "subject"),
		Body:          str(m, "body"),
		Date:          date(m, "date"),
		DateText:      str(m, "dateText"),
		DatePrecision: domain.DatePrecision(str(m, "datePrecision")),
		DateNotBefore: date(m, "dateNotBefore"),
		DateNotAfter:  date(m, "dateNotAfter"),
		Language:      str(m, "language"),
		PlaceText:     str(m, "placeText"),
		SourceFormat:  domain.SourceFormat(str(m, "sourceFormat")),
		Source:        str(m, "source"),
		ExternalID:    str(m, "externalId"),
		ContentHash:   str(m, "contentHash"),
		ImportedAt:    datetime(m, "importedAt"),
		Stub:          boolean(m, "stub"),
		// From a letter's projection, or from the labels of a node that may be any.
		Restricted: boolean(m, "restricted") || slices.Contains(strs(m, "labels"), restrictedLabel),
	}
	if l.DatePrecision == "" {
		l.DatePrecision = domain.PrecisionUnknown
	}
	if parts == 0 {
		return l
	}
	l.Parts = parts &^ domain.PartsChosen
	l.Authors = toParties(m["authors"], domain.RoleAuthor)
	l.Recipients = toParties(m["recipients"], domain.RoleRecipient)
	l.CC = toParties(m["cc"], domain.RoleCC)
	l.BCC = toParties(m["bcc"], domain.RoleBCC)
	for _, o := range listOf(m["onBehalfOf"]) {
		l.OnBehalfOf = append(l.OnBehalfOf, toOrganisation(o))
	}
	sort.Slice(l.OnBehalfOf, func(i, j int) bool { return l.OnBehalfOf[i].Name < l.OnBehalfOf[j].Name })
	if p := mapOf(m["writtenAt"]); p != nil {
		l.WrittenAt = toPlace(p)
	}
	for _, n := range listOf(m["mentions"]) {
		if node := toNode(n); node != nil {
			l.Mentions = append(l.Mentions, node)
		}
	}
	slices.SortFunc(l.Mentions, compareNodes)
	l.RepliesTo = toLetters(m["repliesTo"])
	l.Replies = toLetters(m["replies"])
	l.Related = toLetters(m["related"])
	return l
}

// toLetters converts a list of linked letters, each once (RELATED_TO is read in both
// directions, so a pair linked both ways would otherwise appear twice).
func toLetters(v any) []*domain.Letter {
	var out []*domain.Letter
	seen := map[string]bool{}
	for _, m := range listOf(v) {
		if id := str(m, "id"); !seen[id] {
			seen[id] = true
			out = append(out, toLetter(m, 0))
		}
	}
	slices.SortFunc(out, compareLetters)
	return out
}

// The lists of a letter that have no position of their own (its mentions, the letters
// it replies to, that reply to it, that it is related to) are in an order of what
// their items show: the order Neo4j reads links in is that of their writing, which
// restricted letters and blind copies take part in (docs/security.md, Provenance).

// compareLetters orders letters by date (undated last), title, external id, id.
func compareLetters(a, b *domain.Letter) int {
	switch {
	case a.Date == nil && b.Date != nil:
		return 1
	case a.Date != nil && b.Date == nil:
		return -1
	case a.Date != nil && !a.Date.Equal(*b.Date):
		return a.Date.Compare(*b.Date)
	}
	return cmp.Or(cmp.Compare(domain.Fold(a.Title), domain.Fold(b.Title)), cmp.Compare(a.ExternalID, b.ExternalID), cmp.Compare(a.ID, b.ID))
}

// compareNodes orders mentions: correspondents, then places, then letters; each by
// name (letters as compareLetters), then id.
func compareNodes(a, b domain.Node) int {
	rank := func(n domain.Node) int {
		switch n.(type) {
		case domain.Correspondent:
			return 0
		case *domain.Place:
			return 1
		}
		return 2
	}
	if r := cmp.Compare(rank(a), rank(b)); r != 0 {
		return r
	}
	la, aok := a.(*domain.Letter)
	lb, bok := b.(*domain.Letter)
	if aok && bok {
		return compareLetters(la, lb)
	}
	return cmp.Or(cmp.Compare(domain.Fold(nodeName(a)), domain.Fold(nodeName(b))), cmp.Compare(a.NodeID(), b.NodeID()))
}

// nodeName is the name a correspondent or place shows.
func nodeName(n domain.Node) string {
	switch v := n.(type) {
	case domain.Correspondent:
		return v.DisplayName()
	case *domain.Place:
		return v.Name
	}
	return ""
}

// toParties converts [{rel: {...}, node: {...}}] into parties ordered by position.
func toParties(v any, role domain.Role) []domain.Party {
	var out []domain.Party
	for _, e := range listOf(v) {
		rel, node := mapOf(e["rel"]), mapOf(e["node"])
		c := toCorrespondent(node)
		if c == nil {
			continue
		}
		// A name written as the correspondent is now named says nothing more (a
		// rename, openview.go, may have made it so).
		written := str(rel, "written")
		if written == c.DisplayName() {
			written = ""
		}
		out = append(out, domain.Party{
			Role:          role,
			Position:      integer(rel, "position"),
			Capacity:      str(rel, "capacity"),
			As:            str(rel, "as"),
			Written:       written,
			Correspondent: c,
		})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Position < out[j].Position })
	return out
}

// toNode converts any projected node by its labels; nil for an unknown kind.
func toNode(m map[string]any) domain.Node {
	for _, l := range strs(m, "labels") {
		switch domain.Label(l) {
		case domain.LabelLetter:
			return toLetter(m, 0)
		case domain.LabelPlace:
			return toPlace(m)
		}
	}
	if c := toCorrespondent(m); c != nil {
		return c
	}
	return nil
}

// toCorrespondent converts a correspondent map (with "labels", and "of" for an office).
func toCorrespondent(m map[string]any) domain.Correspondent {
	for _, l := range strs(m, "labels") {
		switch domain.Label(l) {
		case domain.LabelPerson:
			return toPerson(m)
		case domain.LabelOrganisation:
			return toOrganisation(m)
		case domain.LabelOffice:
			return toOffice(m)
		}
	}
	return nil
}

func toPerson(m map[string]any) *domain.Person {
	return &domain.Person{
		ID:             str(m, "id"),
		Name:           str(m, "name"),
		NormalizedName: str(m, "normalizedName"),
		Honorific:      str(m, "honorific"),
		Aliases:        strs(m, "aliases"),
		Emails:         strs(m, "emails"),
		AuthorityIDs:   strs(m, "authorityIds"),
	}
}

func toOrganisation(m map[string]any) *domain.Organisation {
	return &domain.Organisation{
		ID:             str(m, "id"),
		Name:           str(m, "name"),
		NormalizedName: str(m, "normalizedName"),
		Acronym:        str(m, "acronym"),
		Kind:           domain.OrganisationKind(str(m, "kind")),
		Aliases:        strs(m, "aliases"),
		AuthorityIDs:   strs(m, "authorityIds"),
	}
}

func toOffice(m map[string]any) *domain.Office {
	o := &domain.Office{
		ID:              str(m, "id"),
		Title:           str(m, "title"),
		NormalizedTitle: str(m, "normalizedTitle"),
	}
	if of := mapOf(m["of"]); of != nil {
		o.Organisation = toOrganisation(of)
	}
	return o
}

func toPlace(m map[string]any) *domain.Place {
	return &domain.Place{
		ID:           str(m, "id"),
		Name:         str(m, "name"),
		Country:      str(m, "country"),
		AuthorityIDs: strs(m, "authorityIds"),
	}
}

// neoDate converts a domain date for a parameter; nil stays nil (an absent property).
func neoDate(t *time.Time) any {
	if t == nil {
		return nil
	}
	return neo4j.DateOf(*t)
}

// recordValue returns the value of key in rec, or an error naming the key: a missing
// column is a bug in a query, not bad input.
func recordValue(rec *neo4j.Record, key string) (any, error) {
	v, ok := rec.Get(key)
	if !ok {
		return nil, fmt.Errorf("neo4jstore: query returned no column %q", key)
	}
	return v, nil
}

// sortByName orders correspondents by display name, for stable lists.
func sortByName[T domain.Correspondent](list []T) {
	sort.Slice(list, func(i, j int) bool {
		return domain.Fold(list[i].DisplayName()) < domain.Fold(list[j].DisplayName())
	})
}

func itoa(n int) string { return strconv.Itoa(n) }
