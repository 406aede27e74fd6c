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
	letterFieldsNoBody = `.id, .title, .subject, .date, .dateText, .datePrecision, .dateNotBefore, .dateNotAfter, .language, .placeText, .sourceFormat, .source, .importedAt, .stub`
	letterFields       = letterFieldsNoBody + `, .body`
	// nameFields are a correspondent's own, the same for every caller; detailFields
	// are its details, which a caller below RESTRICTED_ROLE reads from the open view
	// (openview.go).
	nameFields   = `.name, .title, .normalizedName, .normalizedTitle`
	detailFields = `.acronym, .kind, .honorific, .aliases, .authorityIds, .emails`
)

// country is the country of the place bound to x as v may see it: a place written
// before the open view (openview.go) had one shows its own.
func (v visibility) country(x string) string {
	if v.restricted {
		return `country: ` + x + `.country`
	}
	return `country: CASE WHEN ` + x + `.openAuthorityIds IS NULL THEN ` + x + `.country ELSE ` + x + `.openCountry END`
}

// placeFields are the fields of the place bound to x as v may see them.
func (v visibility) placeFields(x string) string {
	if v.restricted {
		return `.id, .name, .country, .authorityIds`
	}
	return `.id, .name, ` + v.country(x) + `, authorityIds: coalesce(` + x + `.openAuthorityIds, ` + x + `.authorityIds)`
}

// details are detailFields of the node bound to x as v may see them.
func (v visibility) details(x string) string {
	if v.restricted {
		return detailFields
	}
	return `acronym: ` + x + `.openAcronym, kind: ` + x + `.openKind, honorific: ` + x + `.openHonorific, aliases: ` + x + `.openAliases, authorityIds: ` + x + `.openAuthorityIds, emails: ` + x + `.openEmails`
}

// fields are a correspondent's fields, for the node bound to x, as v may see them.
func (v visibility) fields(x string) string { return `.id, ` + nameFields + `, ` + v.details(x) }

// nodeFields are the fields of any node bound to x (a letter, a correspondent, a
// place) as v may see them.
func (v visibility) nodeFields(x string) string {
	return letterFields + ", " + nameFields + ", " + v.country(x) + ", " + v.details(x) + ", " + v.hashOf(x)
}

// correspondentMap projects the correspondent bound to x (see partyList) with its
// labels and, for an office, the organisation it belongs to, as v may see them.
func (v visibility) correspondentMap(x string) string { return v.nodeMap(x, v.fields(x)) }

// anyNodeMap is correspondentMap for a node that may be a letter or a place too, as
// v may see it.
func (v visibility) anyNodeMap(x string) string {
	return v.nodeMap(x, v.nodeFields(x))
}

// hashOf is the contentHash and externalId entries of the letter bound to x as v may
// see them: the hash without blind copies (openHash, props.go) unless v sees them.
func (v visibility) hashOf(x string) string {
	if v.restricted {
		return "contentHash: " + x + ".contentHash, externalId: " + x + ".externalId"
	}
	return "contentHash: " + x + ".openHash, externalId: " + x + ".externalId"
}

func (v visibility) nodeMap(x, fields string) string {
	return x + ` {` + fields + `, labels: labels(` + x + `), of: [(` + x + `)-[vOf:OF]->(vOrg:Organisation) WHERE ` + v.rel("vOf") + ` | vOrg {` + v.fields("vOrg") + `}][0]}`
}

// partyList projects the parties of l in one role, as [{rel, node}].
func (v visibility) partyList(pattern string) string {
	return `[` + pattern + ` | {rel: properties(r), node: ` + v.correspondentMap("a") + `}]`
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
		bcc = `bcc: ` + v.partyList(`(l)-[r:BCC]->(a:Correspondent)`)
	}
	linked := func(pattern string) string {
		return `[` + pattern + ` WHERE ` + v.letter("x") + ` | ` + v.letterMap("x", letterFields) + `]`
	}
	return []letterPart{
		{domain.PartAuthors, `authors: ` + v.partyList(`(a:Correspondent)-[r:WROTE]->(l)`)},
		{domain.PartRecipients, `recipients: ` + v.partyList(`(l)-[r:ADDRESSED_TO]->(a:Correspondent)`)},
		{domain.PartCC, `cc: ` + v.partyList(`(l)-[r:CC]->(a:Correspondent)`)},
		{domain.PartBCC, bcc},
		{domain.PartOnBehalfOf, `onBehalfOf: [(l)-[:ON_BEHALF_OF]->(o:Organisation) | o {` + v.fields("o") + `}]`},
		{domain.PartWrittenAt, `writtenAt: [(l)-[:WRITTEN_AT]->(p:Place) | p {` + v.placeFields("p") + `}][0]`},
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

// correspondentProjection is c with its labels and organisation, as v may see it.
func (v visibility) correspondentProjection() string { return v.correspondentMap("c") }

// correspondentFieldsOf is the node bound to x with fields as v may see them, without
// labels or organisation.
func (v visibility) correspondentFieldsOf(x string) string { return x + ` {` + v.fields(x) + `}` }
