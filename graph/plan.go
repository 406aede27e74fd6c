package graph

import (
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
)

// The read plan (docs/planner.md): what an operation's selection will need the
// store to read below a root field's value, as a tree of places. A place is where in
// the response many objects stand whose field reads the store: the people of a page
// of letters' authors whose holds are asked, say. The plan runs each place's read
// once, for every object there.

// readKind is what the store reads at a place.
type readKind int

const (
	readNone        readKind = iota // a field that leads to places below it
	readLetterLinks                 // a letter's links, when it was read without them
	readHoldings                    // offices held, or their holders
	readMemberships                 // memberships, or members
	readStructure                   // an organisation's offices, parts and parents
	readLetterPages                 // a correspondent's letters in one role
	readPairPages                   // a correspondent's correspondents
)

// planReads gives the field of an object type whose resolver reads the store, and
// what it reads.
var planReads = map[string]readKind{
	"Letter.authors": readLetterLinks, "Letter.recipients": readLetterLinks, "Letter.cc": readLetterLinks,
	"Letter.bcc": readLetterLinks, "Letter.onBehalfOf": readLetterLinks, "Letter.writtenAt": readLetterLinks,
	"Letter.mentions": readLetterLinks, "Letter.repliesTo": readLetterLinks, "Letter.replies": readLetterLinks,
	"Letter.related": readLetterLinks,
	"Person.holds": readHoldings, "Office.holders": readHoldings,
	"Person.memberships": readMemberships, "Organisation.members": readMemberships,
	"Organisation.offices": readStructure, "Organisation.parts": readStructure, "Organisation.partOf": readStructure,
	"Person.lettersWritten": readLetterPages, "Person.lettersReceived": readLetterPages, "Person.lettersCopied": readLetterPages,
	"Organisation.lettersWritten": readLetterPages, "Organisation.lettersReceived": readLetterPages,
	"Organisation.lettersCopied": readLetterPages, "Office.lettersWritten": readLetterPages,
	"Office.lettersReceived": readLetterPages, "Office.lettersCopied": readLetterPages,
	"Person.correspondents": readPairPages, "Organisation.correspondents": readPairPages, "Office.correspondents": readPairPages,
}

// planNode is one place of a plan: the field at Key (the object types and aliases
// from the root field down, without list indexes), what it reads, its arguments, and
// the places below it.
type planNode struct {
	Key      string
	Read     readKind
	Field    graphql.CollectedField
	Children []*planNode
}

// buildPlan is the plan below a root field whose value has type typ (a named type of
// the schema) and whose selection is sel, keyed from root ("Query.letters").
func buildPlan(oc *graphql.OperationContext, schema *ast.Schema, root, typ string, sel ast.SelectionSet) *planNode {
	n := &planNode{Key: root}
	n.Children = planBelow(oc, schema, root, typ, sel, 0)
	return n
}

// maxPlanDepth bounds the walk; the depth limit of the server (MAX_DEPTH) refuses
// deeper operations before they run.
const maxPlanDepth = 64

// planBelow walks the selection sel of a value of type typ at key, for each object
// type the value may have, and returns the places below it that read or lead to a
// read.
func planBelow(oc *graphql.OperationContext, schema *ast.Schema, key, typ string, sel ast.SelectionSet, depth int) []*planNode {
	if depth > maxPlanDepth || len(sel) == 0 {
		return nil
	}
	var out []*planNode
	for _, object := range objectTypes(schema, typ) {
		for _, f := range graphql.CollectFields(oc, sel, satisfies(schema, object)) {
			if f.Definition == nil {
				continue
			}
			child := &planNode{Key: key + "/" + object + "." + f.Alias, Read: planReads[object+"."+f.Name], Field: f}
			child.Children = planBelow(oc, schema, child.Key, f.Definition.Type.Name(), f.Selections, depth+1)
			if child.Read != readNone || len(child.Children) > 0 {
				out = append(out, child)
			}
		}
	}
	return out
}

// objectTypes are the object types a value of the named type may have.
func objectTypes(schema *ast.Schema, typ string) []string {
	def := schema.Types[typ]
	if def == nil {
		return nil
	}
	switch def.Kind {
	case ast.Object:
		return []string{typ}
	case ast.Interface, ast.Union:
		var out []string
		for _, p := range schema.GetPossibleTypes(def) {
			out = append(out, p.Name)
		}
		return out
	}
	return nil
}

// satisfies is the object type and the interfaces it implements, as CollectFields
// takes them to apply fragments on either.
func satisfies(schema *ast.Schema, object string) []string {
	out := []string{object}
	if def := schema.Types[object]; def != nil {
		out = append(out, def.Interfaces...)
	}
	return out
}

// placeKey is the key of the place of the field ctx resolves, as buildPlan keys it:
// its ancestors' object types and aliases, without list indexes.
func placeKey(fc *graphql.FieldContext) string {
	var steps []string
	for c := fc; c != nil; c = c.Parent {
		if c.Index != nil || c.Field.Field == nil {
			continue
		}
		steps = append(steps, c.Object+"."+c.Field.Alias)
	}
	for i, j := 0, len(steps)-1; i < j; i, j = i+1, j-1 {
		steps[i], steps[j] = steps[j], steps[i]
	}
	return strings.Join(steps, "/")
}

// String lists the places of the plan, one a line, indented by depth, with what
// each reads: for tests and logs.
func (n *planNode) String() string {
	var b strings.Builder
	var walk func(n *planNode, depth int)
	walk = func(n *planNode, depth int) {
		b.WriteString(strings.Repeat("  ", depth) + n.Key[strings.LastIndex(n.Key, "/")+1:])
		if n.Read != readNone {
			b.WriteString(" [" + readNames[n.Read] + "]")
		}
		b.WriteString("\n")
		for _, c := range n.Children {
			walk(c, depth+1)
		}
	}
	walk(n, 0)
	return b.String()
}

var readNames = map[readKind]string{readLetterLinks: "links", readHoldings: "holdings", readMemberships: "memberships",
	readStructure: "structure", readLetterPages: "letters", readPairPages: "pairs"}
