package neo4jstore

import (
	"context"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// visibility is what one caller may see: restricted letters and BCC links, or
// neither (domain.SeesRestricted). Each store method reads it from its context and
// builds its queries for it, so that what a caller may not see is never matched:
// a letter the caller may not see is left out by a label test on the node, and a
// BCC link by leaving its type out of the pattern. Both variants of each query are
// made of constants, and each is planned once.
type visibility struct {
	restricted bool
	// all sees the proxies too: only for writing the links a batch resolved
	// (writer), which may go to a proxy a writer below RESTRICTED_ROLE found.
	all bool
}

func visibilityOf(ctx context.Context) visibility {
	return visibility{restricted: domain.SeesRestricted(ctx)}
}

// restrictedLabel marks a restricted letter (docs/api.md, Restricted letters).
const restrictedLabel = "Restricted"

// hiddenLabel marks every node that a caller below RESTRICTED_ROLE may not see: a
// restricted letter, and a correspondent, place or stub letter that no visible source
// asserts (provenance.go). Writes keep it current (refreshHidden); reads for such a
// caller leave a node with it out, which costs one label test per node.
const hiddenLabel = "Hidden"

// letter is a condition on the letter bound to x (a fixed variable name): that the
// caller may see it. A caller who sees restricted letters sees them, not the stubs
// that stand for them for the others (proxyLabel).
func (v visibility) letter(x string) string {
	if v.all {
		return "true"
	}
	if v.restricted {
		return "NOT " + x + ":" + proxyLabel
	}
	return v.node(x)
}

// excluded is the label of the nodes the caller does not see: hidden ones, or for a
// caller who sees restricted letters the stubs that stand for them.
func (v visibility) excluded() string {
	if v.restricted {
		return proxyLabel
	}
	return hiddenLabel
}

// node is a condition on the node bound to x, of any kind: that the caller may see it.
func (v visibility) node(x string) string {
	if v.restricted {
		return "true"
	}
	return "NOT " + x + ":" + hiddenLabel
}

// rel is a condition on the relationship between correspondents bound to x (HOLDS,
// MEMBER_OF, OF, PART_OF): that the caller may see it (seen, provenance.go).
func (v visibility) rel(x string) string {
	if v.restricted {
		return "true"
	}
	return "coalesce(" + x + ".seen, false)"
}

// names is a condition that the letter bound to l names the correspondent bound to
// x in a way the caller may see: for a caller below RESTRICTED_ROLE, by a link that
// is not a blind copy, or by an ASSERTS that is not blind (provenance.go).
func (v visibility) names(l, x string) string {
	if v.restricted {
		return "EXISTS { (" + l + ")--(" + x + ") }"
	}
	return "EXISTS { (" + l + ")-[vn:WROTE|ADDRESSED_TO|CC|ON_BEHALF_OF|MENTIONS|" + string(assertsRel) + "]-(" + x + ") WHERE vn.blind IS NULL }"
}

// affiliation is the details of the membership or office held bound to x as v may
// see them: for a caller below RESTRICTED_ROLE, the open details (openRole,
// openFrom, openTo), which only visible sources give (markSeen).
func (v visibility) affiliation(x string) string {
	if v.restricted {
		return "properties(" + x + ")"
	}
	return "{role: " + x + ".openRole, from: " + x + ".openFrom, to: " + x + ".openTo}"
}

// affiliationFrom is the start of the membership or office held bound to x as v may
// see it, for ordering.
func (v visibility) affiliationFrom(x string) string {
	if v.restricted {
		return x + ".from"
	}
	return x + ".openFrom"
}

// roleTypes are the relationship types of each role for a caller who sees blind
// copies, and for one who does not (no BCC entry: asking for it is FORBIDDEN).
var (
	roleTypesAll = map[domain.Role]string{
		domain.RoleAuthor:    "WROTE",
		domain.RoleRecipient: "ADDRESSED_TO",
		domain.RoleCC:        "CC",
		domain.RoleBCC:       "BCC",
		domain.RoleAny:       "WROTE|ADDRESSED_TO|CC|BCC",
	}
	roleTypesOpen = map[domain.Role]string{
		domain.RoleAuthor:    "WROTE",
		domain.RoleRecipient: "ADDRESSED_TO",
		domain.RoleCC:        "CC",
		domain.RoleAny:       "WROTE|ADDRESSED_TO|CC",
	}
)

// roleTypes maps a role ("" is ANY) to the relationship types that express it and
// the caller may see. Patterns that use them are undirected: WROTE runs from the
// correspondent and the others to it, so the type alone fixes the direction. It
// returns BAD_USER_INPUT for a role that is none, and FORBIDDEN for BCC when the
// caller does not see blind copies.
func (v visibility) roleTypes(r domain.Role, field string) (string, error) {
	if r == "" {
		r = domain.RoleAny
	}
	if _, ok := roleTypesAll[r]; !ok {
		return "", domain.Invalid(field, "%q is not one of AUTHOR, RECIPIENT, CC, BCC, ANY", r)
	}
	if !v.restricted {
		t, ok := roleTypesOpen[r]
		if !ok {
			return "", domain.ErrRestricted(field)
		}
		return t, nil
	}
	return roleTypesAll[r], nil
}

// received is the types by which a letter reaches a correspondent.
func (v visibility) received() string {
	if v.restricted {
		return "ADDRESSED_TO|CC|BCC"
	}
	return "ADDRESSED_TO|CC"
}
