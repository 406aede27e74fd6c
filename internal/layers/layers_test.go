// Package layers holds the test of the project's import directions: the core
// (internal/domain) imports nothing of the project's, adapters import the core and
// the formats they share, and only the composition roots (cmd/, bench/) wire
// adapters together. docs/architecture.md draws the same picture.
package layers

import (
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/lettergraph/lettergraph/"

const (
	domain    = "internal/domain"
	document  = "internal/ingest/document"
	canonical = "internal/ingest/canonical"
	cmif      = "internal/ingest/cmif"
)

// rules lists, for each package, the project's packages its non-test files may
// import. A package that is not listed fails the test: decide where it sits, and
// why, before adding it.
var rules = map[string][]string{
	// The core, and packages that stand alone.
	domain:                       nil,
	"internal/config":            nil, // its settings are checked by their readers (server.Check)
	"internal/telemetry":         nil,
	"internal/web":               nil,
	"internal/schemadoc":         nil,
	"internal/server/servertest": nil,
	"graph/cmd/postgen":          nil,
	"scripts/skipcheck":          nil,

	// Adapters: each depends inward on the core.
	"internal/auth":                 {domain},
	"internal/live":                 {domain},
	"internal/seed":                 {domain},
	"internal/neo4jstore":           {domain},
	"internal/neo4jstore/neo4jtest": {domain, "internal/neo4jstore"},

	// The parsers, and the document formats the importers and exporters share.
	document:                     {domain},
	"internal/ingest/textdate":   {domain},
	"internal/ingest/text":       {domain, document, "internal/ingest/textdate"},
	"internal/ingest/email":      {domain, document},
	cmif:                         {domain, document},
	canonical:                    {domain, document},
	"internal/ingest/corpus":     {domain, canonical},
	"internal/ingest/ingesttest": {domain, canonical, document, "internal/ingest/corpus"},
	"internal/ingest":            {domain, document, canonical, cmif, "internal/ingest/email", "internal/ingest/text"},
	"internal/export":            {domain, canonical, cmif},
	"internal/gen":               {domain, canonical},

	// The GraphQL adapter: the schema's resolvers over the core's ports, and the
	// import mutation over the importer.
	"graph/model": {domain},
	"graph":       {domain, "graph/model", "internal/ingest", canonical, document},

	// The HTTP adapter serves the GraphQL one and the exports; it builds the
	// authenticator, telemetry and live hub from the settings.
	"internal/server": {domain, "graph", "internal/auth", "internal/config", "internal/export",
		"internal/ingest", "internal/live", "internal/telemetry", "internal/web"},
}

// roots may import any package but another root's: the commands and benchmarks that
// wire the adapters together.
var roots = []string{"cmd/", "bench/"}

func isRoot(pkg string) bool {
	return slices.ContainsFunc(roots, func(r string) bool { return strings.HasPrefix(pkg+"/", r) })
}

// TestImportDirections parses the import lists of every Go file of the repository
// and fails on an arrow that the rules do not allow.
func TestImportDirections(t *testing.T) {
	imports := map[string]map[string]bool{} // package -> project packages imported (non-test files)
	testImports := map[string]map[string]bool{}
	fset := token.NewFileSet()
	err := filepath.WalkDir("../..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			switch d.Name() {
			case ".git", "node_modules", "testdata", "dist", "vendor":
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel("../..", filepath.Dir(path))
		if err != nil {
			return err
		}
		pkg := filepath.ToSlash(rel)
		into := imports
		if strings.HasSuffix(path, "_test.go") {
			into = testImports
		}
		for _, spec := range f.Imports {
			p, _ := strconv.Unquote(spec.Path.Value)
			if dep, ok := strings.CutPrefix(p, module); ok {
				if into[pkg] == nil {
					into[pkg] = map[string]bool{}
				}
				into[pkg][dep] = true
			} else if p == strings.TrimSuffix(module, "/") {
				t.Errorf("%s imports the module's root", pkg)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(imports) < 10 {
		t.Fatalf("found imports of %d packages only; is the walk rooted at the repository?", len(imports))
	}
	for pkg, deps := range imports {
		for dep := range deps {
			if dep == pkg || strings.HasPrefix(dep, pkg+"/") && !isRoot(dep) {
				continue // its own subpackages
			}
			switch {
			case isRoot(dep) && !(isRoot(pkg) && rootOf(pkg) == rootOf(dep)):
				t.Errorf("%s imports %s: only a root's own packages import it", pkg, dep)
			case isRoot(pkg):
			case rules[pkg] == nil && !hasRule(pkg):
				t.Errorf("%s is not in the rules of layers_test.go: say which packages it may import", pkg)
			case !slices.Contains(rules[pkg], dep):
				t.Errorf("%s imports %s, which its rule does not allow (allowed: %v)", pkg, dep, rules[pkg])
			}
		}
	}
	// Tests may use other packages' test helpers, but never a root.
	for pkg, deps := range testImports {
		for dep := range deps {
			if isRoot(dep) && !(isRoot(pkg) && rootOf(pkg) == rootOf(dep)) {
				t.Errorf("a test of %s imports %s, a root", pkg, dep)
			}
		}
	}
}

func hasRule(pkg string) bool {
	_, ok := rules[pkg]
	return ok
}

// rootOf is the root a package belongs to: "cmd/lettergraph", "bench/load" (and
// bench/internal for the benchmarks' shared packages).
func rootOf(pkg string) string {
	parts := strings.SplitN(pkg, "/", 3)
	if len(parts) < 2 {
		return pkg
	}
	if parts[0] == "bench" {
		return "bench" // the benchmarks share bench/internal
	}
	return parts[0] + "/" + parts[1]
}
