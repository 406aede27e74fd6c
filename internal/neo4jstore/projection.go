package neo4jstore

// Projections turn nodes into maps with their links, so that one query returns a page
// of letters with everything a list shows. They are constants: the variable names they
// use are fixed, and letters must be bound to l, correspondents to c.

// The properties that convert.go reads, and no more: the derived keys (searchText, a
// folded copy of the whole text; titleKey, sortDate, nameKeys and the like) stay in
// the database, so that a page of letters does not carry every text twice.
const (
	letterFields        = `.id, .title, .subject, .body, .date, .dateText, .datePrecision, .dateNotBefore, .dateNotAfter, .language, .placeText, .sourceFormat, .source, .externalId, .contentHash, .importedAt, .stub`
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

// letterProjection is l with every link a letter shows.
var letterProjection = `l {` + letterFields + `,
	authors: ` + partyList(`(a:Correspondent)-[r:WROTE]->(l)`) + `,
	recipients: ` + partyList(`(l)-[r:ADDRESSED_TO]->(a:Correspondent)`) + `,
	cc: ` + partyList(`(l)-[r:CC]->(a:Correspondent)`) + `,
	bcc: ` + partyList(`(l)-[r:BCC]->(a:Correspondent)`) + `,
	onBehalfOf: [(l)-[:ON_BEHALF_OF]->(o:Organisation) | o {` + correspondentFields + `}],
	writtenAt: [(l)-[:WRITTEN_AT]->(p:Place) | p {` + placeFields + `}][0],
	mentions: [(l)-[:MENTIONS]->(m) | ` + anyNodeMap("m") + `],
	repliesTo: [(l)-[:REPLIES_TO]->(x:Letter) | x {` + letterFields + `}],
	replies: [(x:Letter)-[:REPLIES_TO]->(l) | x {` + letterFields + `}],
	related: [(l)-[:RELATED_TO]-(x:Letter) | x {` + letterFields + `}]
}`

// correspondentProjection is c with its labels and organisation.
var correspondentProjection = correspondentMap("c")
