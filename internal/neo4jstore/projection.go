package neo4jstore

import (
	"strings"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// Projections turn nodes into maps with their links, so that one query returns a page
// of letters with everything a list shows. They are constants: the variable names they
// use are fixed, and letters must be bound to l, correspondents to c.

// The properties that convert.go reads, and no more: the derived keys (searchText, a
// folded copy of the whole text; titleKey, sortDate, nameKeys and the like) stay in
// the database, so that a page of letters does not carry every text twice.
const (
	letterFieldsNoBody  = `.id, .title, .subject, .date, .dateText, .datePrecision, .dateNotBefore, .dateNotAfter, .language, .placeText, .sourceFormat, .source, .externalId, .contentHash, .importedAt, .stub`
	letterFields        = letterFieldsNoBody + `, .body`
	correspondentFields = `.id, .name, .title, .acronym, .kind, .honorific, .aliases, .authorityIds, .emails, .normalizedName, .normalizedTitle, .country`
	placeFields         = `.id, .name, .country, .authorityIds`
	// nodeFields are those of any of the three, for a node that may be any.
	nodeFields = letterFields + `, .name, .acronym, .kind, .honorific, .aliases, .authorityIds, .emails, .normalizedName, .normalizedTitle, .country`
)

// correspondentMap projects the correspondent bound to VAR (see partyList) with its
// labels and, for an office, the organisation it belongs to.
func correspondentMap(v string) string { return nodeMap(v, correspondentFields) }

// anyNodeMap is correspondentMap for a node that may be a letter or a place too.
func anyNodeMap(v string) string { return nodeMap(v, nodeFields) }

func nodeMap(v, fields string) string {
	return v + ` {` + fields + `, labels: labels(` + v + `), of: [(` + v + `)-[:OF]->(vOrg:Organisation) | vOrg {` + correspondentFields + `}][0]}`
}

// partyList projects the parties of l in one role, as [{rel, node}].
func partyList(pattern string) string {
	return `[` + pattern + ` | {rel: properties(r), node: ` + correspondentMap("a") + `}]`
}

// letterParts are the link lists of a letter's projection, each with its part.
var letterParts = []struct {
	part domain.LetterParts
	expr string
}{
	{domain.PartAuthors, `authors: ` + partyList(`(a:Correspondent)-[r:WROTE]->(l)`)},
	{domain.PartRecipients, `recipients: ` + partyList(`(l)-[r:ADDRESSED_TO]->(a:Correspondent)`)},
	{domain.PartCC, `cc: ` + partyList(`(l)-[r:CC]->(a:Correspondent)`)},
	{domain.PartBCC, `bcc: ` + partyList(`(l)-[r:BCC]->(a:Correspondent)`)},
	{domain.PartOnBehalfOf, `onBehalfOf: [(l)-[:ON_BEHALF_OF]->(o:Organisation) | o {` + correspondentFields + `}]`},
	{domain.PartWrittenAt, `writtenAt: [(l)-[:WRITTEN_AT]->(p:Place) | p {` + placeFields + `}][0]`},
	{domain.PartMentions, `mentions: [(l)-[:MENTIONS]->(m) | ` + anyNodeMap("m") + `]`},
	{domain.PartRepliesTo, `repliesTo: [(l)-[:REPLIES_TO]->(x:Letter) | x {` + letterFields + `}]`},
	{domain.PartReplies, `replies: [(x:Letter)-[:REPLIES_TO]->(l) | x {` + letterFields + `}]`},
	{domain.PartRelated, `related: [(l)-[:RELATED_TO]-(x:Letter) | x {` + letterFields + `}]`},
}

// letterProjectionOf is l with the parts asked for (the zero value: all): its body
// and the links it shows. The pieces are constants; parts only chooses among them.
func letterProjectionOf(parts domain.LetterParts) string {
	parts = parts.OrAll()
	fields := letterFieldsNoBody
	if parts.Has(domain.PartBody) {
		fields = letterFields
	}
	var b strings.Builder
	b.WriteString("l {" + fields)
	for _, lp := range letterParts {
		if parts.Has(lp.part) {
			b.WriteString(",\n\t" + lp.expr)
		}
	}
	b.WriteString("}")
	return b.String()
}

// letterProjection is l in full.
var letterProjection = letterProjectionOf(domain.AllParts)

// correspondentProjection is c with its labels and organisation.
var correspondentProjection = correspondentMap("c")
