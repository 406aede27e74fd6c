// Package schemadoc renders the GraphQL schema (schema/*.graphqls) as a Markdown
// reference for front-end developers: the operations first, then every type with its
// fields, arguments, defaults and descriptions. docs/reference/schema.md is its
// output; a test keeps it current.
package schemadoc

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
)

// Sources reads the schema's files, dir/*.graphqls, in the order gqlgen reads them
// (by name), so that Query's fields come in the order introspection gives them.
func Sources(dir string) ([]*ast.Source, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.graphqls"))
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("no *.graphqls in %s", dir)
	}
	sort.Strings(names)
	out := make([]*ast.Source, 0, len(names))
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			return nil, err
		}
		out = append(out, &ast.Source{Name: filepath.Base(n), Input: string(b)})
	}
	return out, nil
}

// Render returns the reference of the schema whose SDL is sources; errors name the
// source they are in.
func Render(sources ...*ast.Source) (string, error) {
	schema, err := gqlparser.LoadSchema(sources...)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	b.WriteString("# GraphQL schema reference\n\n")
	b.WriteString("Generated from `schema/*.graphqls` by `internal/schemadoc`; do not edit. To refresh it:\n" +
		"`go test ./internal/schemadoc -update`. Conventions (ids, paging, filters, errors) are in\n" +
		"[../api.md](../api.md).\n\n")
	for _, root := range []*ast.Definition{schema.Query, schema.Mutation, schema.Subscription} {
		if root == nil {
			continue
		}
		fmt.Fprintf(&b, "## %s\n\n", root.Name)
		writeFields(&b, root, true)
	}
	kinds := []struct {
		kind  ast.DefinitionKind
		title string
	}{
		{ast.Interface, "Interfaces"}, {ast.Object, "Types"}, {ast.Union, "Unions"},
		{ast.InputObject, "Inputs"}, {ast.Enum, "Enums"}, {ast.Scalar, "Scalars"},
	}
	for _, k := range kinds {
		defs := definitions(schema, k.kind)
		if len(defs) == 0 {
			continue
		}
		fmt.Fprintf(&b, "## %s\n\n", k.title)
		for _, d := range defs {
			writeDefinition(&b, d)
		}
	}
	return strings.TrimRight(b.String(), "\n") + "\n", nil
}

// definitions are the schema's own definitions of a kind (not the built-in ones, and
// not the root operation types), by name.
func definitions(schema *ast.Schema, kind ast.DefinitionKind) []*ast.Definition {
	roots := map[*ast.Definition]bool{schema.Query: true, schema.Mutation: true, schema.Subscription: true}
	var out []*ast.Definition
	for _, d := range schema.Types {
		if d.Kind == kind && !d.BuiltIn && !roots[d] && !strings.HasPrefix(d.Name, "__") {
			out = append(out, d)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

func writeDefinition(b *strings.Builder, d *ast.Definition) {
	fmt.Fprintf(b, "### %s\n\n", d.Name)
	if len(d.Interfaces) > 0 {
		fmt.Fprintf(b, "Implements %s.\n\n", strings.Join(d.Interfaces, ", "))
	}
	if d.Description != "" {
		b.WriteString(paragraph(d.Description) + "\n\n")
	}
	switch d.Kind {
	case ast.Object, ast.Interface, ast.InputObject:
		writeFields(b, d, false)
	case ast.Union:
		fmt.Fprintf(b, "One of %s.\n\n", strings.Join(d.Types, ", "))
	case ast.Enum:
		b.WriteString("| value | meaning |\n|---|---|\n")
		for _, v := range d.EnumValues {
			fmt.Fprintf(b, "| `%s` | %s |\n", v.Name, cell(v.Description))
		}
		b.WriteString("\n")
	}
}

// writeFields writes a definition's fields as a table: name with arguments, type,
// description. Operations (Query, Mutation, Subscription) list arguments in full.
func writeFields(b *strings.Builder, d *ast.Definition, operations bool) {
	if len(d.Fields) == 0 {
		return
	}
	b.WriteString("| field | type | description |\n|---|---|---|\n")
	for _, f := range d.Fields {
		if strings.HasPrefix(f.Name, "__") {
			continue
		}
		name := "`" + f.Name + "`"
		if len(f.Arguments) > 0 {
			var args []string
			for _, a := range f.Arguments {
				arg := a.Name + ": " + a.Type.String()
				if a.DefaultValue != nil {
					arg += " = " + a.DefaultValue.String()
				}
				args = append(args, arg)
			}
			name = "`" + f.Name + "(" + strings.Join(args, ", ") + ")`"
		}
		if f.DefaultValue != nil { // an input field
			name += " = `" + f.DefaultValue.String() + "`"
		}
		fmt.Fprintf(b, "| %s | `%s` | %s |\n", name, f.Type.String(), cell(f.Description))
	}
	b.WriteString("\n")
}

// paragraph is a description as Markdown text: its lines joined.
func paragraph(s string) string { return strings.Join(strings.Fields(s), " ") }

// cell is a description fit for a table cell.
func cell(s string) string { return strings.ReplaceAll(paragraph(s), "|", `\|`) }
