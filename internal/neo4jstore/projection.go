package neo4jstore

// Projections turn nodes into maps with their links, so that one query returns a page
// of letters with everything a list shows. They are constants: the variable names they
// use are fixed, and letters must be bound to l, correspondents to c.

// correspondentMap projects the correspondent bound to VAR (see partyList) with its
// labels and, for an office, the organisation it belongs to.
func correspondentMap(v string) string {
	return v + ` {.*, labels: labels(` + v + `), of: [(` + v + `)-[:OF]->(vOrg:Organisation) | vOrg {.*}][0]}`
}

// partyList projects the parties of l in one role, as [{rel, node}].
func partyList(pattern string) string {
	return `[` + pattern + ` | {rel: properties(r), node: ` + correspondentMap("a") + `}]`
}

// letterProjection is l with every link a letter shows.
var letterProjection = `l {.*,
	authors: ` + partyList(`(a:Correspondent)-[r:WROTE]->(l)`) + `,
	recipients: ` + partyList(`(l)-[r:ADDRESSED_TO]->(a:Correspondent)`) + `,
	cc: ` + partyList(`(l)-[r:CC]->(a:Correspondent)`) + `,
	bcc: ` + partyList(`(l)-[r:BCC]->(a:Correspondent)`) + `,
	onBehalfOf: [(l)-[:ON_BEHALF_OF]->(o:Organisation) | o {.*}],
	writtenAt: [(l)-[:WRITTEN_AT]->(p:Place) | p {.*}][0],
	mentions: [(l)-[:MENTIONS]->(m) | ` + correspondentMap("m") + `],
	repliesTo: [(l)-[:REPLIES_TO]->(x:Letter) | x {.*}],
	replies: [(x:Letter)-[:REPLIES_TO]->(l) | x {.*}],
	related: [(l)-[:RELATED_TO]-(x:Letter) | x {.*}]
}`

// correspondentProjection is c with its labels and organisation.
var correspondentProjection = correspondentMap("c")
