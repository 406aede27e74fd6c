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
	letterFieldsNoBody  = `.id, .title, .subject, .date, .dateText, .datePrecision, .dateNotBefore, .dateNotAfter, .language, .placeText, .sourceFormat, .source, .externalId, .importedAt, .stub`
	letterFields        = letterFieldsNoBody + `, .body`
	correspondentFields = `.id, .name, .title, .acronym, .kind, .honorific, .aliases, .authorityIds, .emails, .normalizedName, .normalizedTitle, .country`
	placeFields         = `.id, .name, .country, .authorityIds`
	// nodeFields are those of any of the three, for a node that may be any.
	nodeFields = letterFields + `, .name, .acronym, .kind, .honorific, .aliases, .authorityIds, .emails, .normalizedName, .normalizedTitle, .country`
)

// correspondentMap projects the correspondent bound to VAR (see partyList) with its
// labels and, for an office, the organisation it belongs to.
func correspondentMap(v string) string { return nodeMap(v, correspondentFields) }

// anyNodeMap is correspondentMap for a node that may be a letter or a place too, as
// v may see it.
func (v visibility) anyNodeMap(x string) string { return nodeMap(x, nodeFields+", "+v.hashOf(x)) }

// hashOf is the contentHash entry of the letter bound to x as v may see it: without
// blind copies (openHash, props.go) unless v sees them.
func (v visibility) hashOf(x string) string {
	if v.restricted {
		return "contentHash: " + x + ".contentHash"
	}
	return "contentHash: " + x + ".openHash"
}

func nodeMap(v, fields string) string {
	return v + ` {` + fields + `, labels: labels(` + v + `), of: [(` + v + `)-[:OF]->(vOrg:Organisation) | vOrg {` + correspondentFields + `}][0]}`
}

// partyList projects the parties of l in one role, as [{rel, node}].
func partyList(pattern string) string {
	return `[` + pattern + ` | {rel: properties(r), node: ` + correspondentMap("a") + `}]`
}

// letterMap projects the letter bound to x (a fixed variable name) with fields, its
// hash as v may see it, and whether it is restricted.
func (v visibility) letterMap(x, fields string) string {
	return x + ` {` + fields + `, ` + v.hashOf(x) + `, restricted: ` + x + `:` + restrictedLabel + `}`
}

// letterPart is one link list of a letter's projection, with its part.
type letterPart struct {
	part domain.LetterParts
	expr string
}

// letterPartsOf are the link lists of a letter's projection as v may see them: no
// blind copies, and no linked letter that is restricted, unless v sees them.
func letterPartsOf(v visibility) []letterPart {
	bcc := `bcc: []`
	if v.restricted {
		bcc = `bcc: ` + partyList(`(l)-[r:BCC]->(a:Correspondent)`)
	}
	linked := func(pattern string) string {
		return `[` + pattern + ` WHERE ` + v.letter("x") + ` | ` + v.letterMap("x", letterFields) + `]`
	}
	return []letterPart{
		{domain.PartAuthors, `authors: ` + partyList(`(a:Correspondent)-[r:WROTE]->(l)`)},
		{domain.PartRecipients, `recipients: ` + partyList(`(l)-[r:ADDRESSED_TO]->(a:Correspondent)`)},
		{domain.PartCC, `cc: ` + partyList(`(l)-[r:CC]->(a:Correspondent)`)},
		{domain.PartBCC, bcc},
		{domain.PartOnBehalfOf, `onBehalfOf: [(l)-[:ON_BEHALF_OF]->(o:Organisation) | o {` + correspondentFields + `}]`},
		{domain.PartWrittenAt, `writtenAt: [(l)-[:WRITTEN_AT]->(p:Place) | p {` + placeFields + `}][0]`},
		{domain.PartMentions, `mentions: [(l)-[:MENTIONS]->(m) WHERE ` + v.letter("m") + ` | ` + v.anyNodeMap("m") + `]`},
		{domain.PartRepliesTo, `repliesTo: ` + linked(`(l)-[:REPLIES_TO]->(x:Letter)`)},
		{domain.PartReplies, `replies: ` + linked(`(x:Letter)-[:REPLIES_TO]->(l)`)},
		{domain.PartRelated, `related: ` + linked(`(l)-[:RELATED_TO]-(x:Letter)`)},
	}
}

// letterParts holds letterPartsOf for a caller who does not see restricted letters
// ([false]) and for one who does ([true]).
var letterParts = [2][]letterPart{letterPartsOf(visibility{}), letterPartsOf(visibility{restricted: true})}

// letterProjectionOf is l with the parts asked for (the zero value: all) as v may
// see them: its body and the links it shows. The pieces are constants; parts and v
// only choose among them.
func (v visibility) letterProjectionOf(parts domain.LetterParts) string {
	parts = parts.OrAll()
	fields := letterFieldsNoBody
	if parts.Has(domain.PartBody) {
		fields = letterFields
	}
	var b strings.Builder
	b.WriteString("l {" + fields + ", " + v.hashOf("l") + ", restricted: l:" + restrictedLabel)
	lps := letterParts[0]
	if v.restricted {
		lps = letterParts[1]
	}
	for _, lp := range lps {
		if parts.Has(lp.part) {
			b.WriteString(",\n\t" + lp.expr)
		}
	}
	b.WriteString("}")
	return b.String()
}

// letterProjection is l in full, as v may see it.
func (v visibility) letterProjection() string { return v.letterProjectionOf(domain.AllParts) }

// correspondentProjection is c with its labels and organisation.
var correspondentProjection = correspondentMap("c")
