package graph

import (
	"context"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/lettergraph/lettergraph/internal/domain"
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
	"Person.holds":   readHoldings, "Office.holders": readHoldings,
	"Person.memberships": readMemberships, "Organisation.members": readMemberships,
	"Organisation.offices": readStructure, "Organisation.parts": readStructure, "Organisation.partOf": readStructure,
	"Person.lettersWritten": readLetterPages, "Person.lettersReceived": readLetterPages, "Person.lettersCopied": readLetterPages,
	"Organisation.lettersWritten": readLetterPages, "Organisation.lettersReceived": readLetterPages,
	"Organisation.lettersCopied": readLetterPages, "Office.lettersWritten": readLetterPages,
	"Office.lettersReceived": readLetterPages, "Office.lettersCopied": readLetterPages,
	"Person.correspondents": readPairPages, "Organisation.correspondents": readPairPages, "Office.correspondents": readPairPages,
	"Correspondence.letters": readLetterPages,
}

// fieldArgs decode the arguments of the fields that read, as gqlgen's executor does
// for their resolvers (the schema's defaults, the scalars' and enums' own decoding).
var fieldArgs = map[string]func(*executionContext, context.Context, map[string]any) (map[string]any, error){
	"Letter.authors": (*executionContext).field_Letter_authors_args, "Letter.recipients": (*executionContext).field_Letter_recipients_args,
	"Letter.cc": (*executionContext).field_Letter_cc_args, "Letter.bcc": (*executionContext).field_Letter_bcc_args,
	"Letter.onBehalfOf": (*executionContext).field_Letter_onBehalfOf_args, "Letter.mentions": (*executionContext).field_Letter_mentions_args,
	"Letter.repliesTo": (*executionContext).field_Letter_repliesTo_args, "Letter.replies": (*executionContext).field_Letter_replies_args,
	"Letter.related":        (*executionContext).field_Letter_related_args,
	"Person.holds":          (*executionContext).field_Person_holds_args,
	"Office.holders":        (*executionContext).field_Office_holders_args,
	"Person.memberships":    (*executionContext).field_Person_memberships_args,
	"Organisation.members":  (*executionContext).field_Organisation_members_args,
	"Organisation.offices":  (*executionContext).field_Organisation_offices_args,
	"Organisation.parts":    (*executionContext).field_Organisation_parts_args,
	"Organisation.partOf":   (*executionContext).field_Organisation_partOf_args,
	"Person.lettersWritten": (*executionContext).field_Person_lettersWritten_args, "Person.lettersReceived": (*executionContext).field_Person_lettersReceived_args,
	"Person.lettersCopied":         (*executionContext).field_Person_lettersCopied_args,
	"Organisation.lettersWritten":  (*executionContext).field_Organisation_lettersWritten_args,
	"Organisation.lettersReceived": (*executionContext).field_Organisation_lettersReceived_args,
	"Organisation.lettersCopied":   (*executionContext).field_Organisation_lettersCopied_args,
	"Office.lettersWritten":        (*executionContext).field_Office_lettersWritten_args, "Office.lettersReceived": (*executionContext).field_Office_lettersReceived_args,
	"Office.lettersCopied":        (*executionContext).field_Office_lettersCopied_args,
	"Person.correspondents":       (*executionContext).field_Person_correspondents_args,
	"Organisation.correspondents": (*executionContext).field_Organisation_correspondents_args,
	"Office.correspondents":       (*executionContext).field_Office_correspondents_args,
	"Correspondence.letters":      (*executionContext).field_Correspondence_letters_args,
}

// planNode is one place of a plan: the field at Key (the object types and aliases
// from the root field down, without list indexes), what it reads, its arguments, and
// the places below it.
type planNode struct {
	Key      string
	Object   string // the object type whose field this is
	Read     readKind
	Field    graphql.CollectedField
	Children []*planNode
	read     fieldRead // what it asks for, when it reads
}

// buildPlan is the plan below a root field whose value has type typ (a named type of
// the schema) and whose selection is sel, keyed from root ("Query.letters").
func buildPlan(ctx context.Context, oc *graphql.OperationContext, root, typ string, sel ast.SelectionSet) *planNode {
	n := &planNode{Key: root}
	b := planBuilder{ctx: ctx, oc: oc, ec: newExecutionContext(oc, nil, nil)}
	n.Children = b.below(root, typ, sel, 0)
	return n
}

// planBuilder builds the plan of one operation.
type planBuilder struct {
	ctx context.Context
	oc  *graphql.OperationContext
	ec  *executionContext
}

// fieldNode is the place of field f of object at key, with what it asks for given
// its typed arguments args; its places below are not filled in.
func fieldNode(oc *graphql.OperationContext, object string, f graphql.CollectedField, key string, args map[string]any) *planNode {
	n := &planNode{Key: key, Object: object, Read: planReads[object+"."+f.Name], Field: f}
	if n.Read != readNone {
		var parts domain.LetterParts
		if n.Read == readLetterPages && oc != nil {
			parts = connectionParts(oc, f.Selections)
		}
		n.read = readOf(n.Read, f.Name, args, parts)
	}
	return n
}

// maxPlanDepth bounds the walk; the depth limit of the server (MAX_DEPTH) refuses
// deeper operations before they run.
const maxPlanDepth = 64

// below walks the selection sel of a value of type typ at key, for each object
// type the value may have, and returns the places below it that read or lead to a
// read.
func (b planBuilder) below(key, typ string, sel ast.SelectionSet, depth int) []*planNode {
	if depth > maxPlanDepth || len(sel) == 0 {
		return nil
	}
	var out []*planNode
	for _, object := range objectTypes(parsedSchema, typ) {
		for _, f := range graphql.CollectFields(b.oc, sel, satisfies(parsedSchema, object)) {
			if f.Definition == nil {
				continue
			}
			var args map[string]any
			var err error
			if decode, ok := fieldArgs[object+"."+f.Name]; ok {
				args, err = decode(b.ec, b.ctx, f.ArgumentMap(b.oc.Variables))
			}
			step := object + "." + f.Alias
			if key != "" {
				step = key + "/" + step
			}
			child := fieldNode(b.oc, object, f, step, args)
			if err != nil {
				child.read.err = err
			}
			child.Children = b.below(child.Key, f.Definition.Type.Name(), f.Selections, depth+1)
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
