package schemadoc

import (
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"
)

var update = flag.Bool("update", false, "rewrite docs/reference/schema.md")

const (
	schemaDir     = "../../schema"
	referenceFile = "../../docs/reference/schema.md"
)

// TestReferenceIsCurrent fails when docs/reference/schema.md is not what the schema
// renders to; -update rewrites it.
func TestReferenceIsCurrent(t *testing.T) {
	src, err := Sources(schemaDir)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Render(src...)
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile(referenceFile, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(referenceFile)
	if err != nil {
		t.Fatalf("%v (make it with: go test ./internal/schemadoc -update)", err)
	}
	if got != string(want) {
		t.Errorf("%s is out of date with the schema: run go test ./internal/schemadoc -update", referenceFile)
	}
}

func TestRender(t *testing.T) {
	got, err := Render(&ast.Source{Name: "a", Input: `
"A thing."
type Query {
  "Things, paged."
  things(first: Int = 10, kind: Kind): [Thing!]!
}
type Thing { id: ID! "Its | name." name: String }
enum Kind { "Big ones." BIG SMALL }
input Filter { kind: Kind = BIG }
`}, &ast.Source{Name: "b", Input: `
extend type Query { "More things." more: [Thing!]! }
`})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"## Query",
		"| `things(first: Int = 10, kind: Kind)` | `[Thing!]!` | Things, paged. |",
		"### Thing",
		"| `name` | `String` | Its \\| name. |",
		"| `BIG` | Big ones. |",
		"| `kind` = `BIG` | `Kind` |  |",
		"| `more` | `[Thing!]!` | More things. |",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("reference lacks %q:\n%s", want, got)
		}
	}
}
