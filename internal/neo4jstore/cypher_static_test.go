package neo4jstore_test

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"
)

// TestCypherIsBuiltFromConstants reads the store's code and follows every string that
// reaches the driver (tx.Run) back to where it was made. It fails unless each piece
// is a constant, a number, a package-level value (an allowlist, a fragment) that
// nothing in the package changes to anything but such pieces, or the result of a
// function of this package whose own results pass the same test. A parameter passes
// when the argument at every call passes, and only when every call is in sight: the
// parameters of an exported function, of one used as a value and of a method called
// through an interface come from callers the test cannot see, and fail. So a value
// from a caller (an id, a name, a search text) can reach Cypher only as a query
// parameter: concatenating one in anywhere, or storing one where a query reads it,
// makes this test fail.
func TestCypherIsBuiltFromConstants(t *testing.T) {
	problems, sinks := checkCypher(t, ".")
	for _, p := range problems {
		t.Error(p)
	}
	if got, want := sinks, 2; got != want {
		t.Errorf("calls that send Cypher: got %d, want %d (collect and exec); a new one must be checked here too", got, want)
	}
}

// TestCypherCheckCatchesSplicing runs the check on a package made to fail it
// (testdata/splice), a function or two for each case: each way of splicing a
// caller's value into Cypher is reported, naming where the value comes in, and each
// safe way is not. The splices all reach Neo4j through one function, run, so that
// one problem (at run's tx.Run) must list them all; a safe case sends its own query,
// which must raise no problem.
func TestCypherCheckCatchesSplicing(t *testing.T) {
	problems, sinks := checkCypher(t, "./testdata/splice")
	if got, want := sinks, 3; got != want {
		t.Errorf("calls that send Cypher in testdata/splice: got %d, want %d", got, want)
	}
	got := strings.Join(problems, "\n")
	for _, tc := range []struct {
		name string
		want []string // words of the problem at run; none for a safe case
		safe string   // for a safe case, the function whose query must raise no problem
	}{
		{name: "spliced directly", want: []string{"id of Direct comes from outside the package"}},
		{name: "through a helper", want: []string{"id of Helper comes from outside the package"}},
		{name: "through a struct field", want: []string{"name of Field comes from outside the package"}},
		{name: "through a closure", want: []string{"text of Closure comes from outside the package"}},
		// A package-level variable is not fixed at start when a function sets it.
		{name: "package variable set from a parameter", want: []string{
			"orderBy is set here from a value that does not pass", "by of SortBy comes from outside the package"}},
		// Nor is an allowlist an entry of which a function sets.
		{name: "table entry set from a parameter", want: []string{
			"labels is set here from a value that does not pass", "label of AddLabel comes from outside the package"}},
		// Nor one handed on, which its holder could change out of sight.
		{name: "table handed on", want: []string{"kinds is handed on here, and may be changed out of sight"}},
		// One call inside the package with a constant does not fix the parameter of a
		// function that anything outside may call.
		{name: "exported function called inside with a constant", want: []string{
			"label of Pattern comes from outside the package (Pattern is exported)"}},
		{name: "a parameter from every caller", want: []string{"kind of EveryCaller comes from outside the package"}},
		{name: "function used as a value", want: []string{"node is used as a value here, so label of it may come from calls not seen"}},
		{name: "method called through an interface", want: []string{
			"send may be called through an interface, so label of it may come from calls not seen"}},
		{name: "a query parameter", safe: "Safe"},
		{name: "an allowlist read with a caller's key", safe: "Ordered"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.safe != "" {
				for _, p := range problems {
					if strings.Contains(p, " ("+tc.safe+"): ") {
						t.Errorf("got a problem in %s, want none: %s", tc.safe, p)
					}
				}
				return
			}
			for _, want := range tc.want {
				if !strings.Contains(got, want) {
					t.Errorf("problems lack %q:\n%s", want, got)
				}
			}
		})
	}
	if n := strings.Count(got, "Cypher sent to Neo4j"); n != 1 || !strings.Contains(got, " (run): ") {
		t.Errorf("want one problem, at run's tx.Run; got %d:\n%s", n, got)
	}
}

// checkCypher loads the package at dir and follows every string that reaches the
// driver back to where it was made; it returns the problems found and the number of
// calls that send Cypher.
func checkCypher(t *testing.T, dir string) (problems []string, sinks int) {
	t.Helper()
	pkgs, err := packages.Load(&packages.Config{
		Mode: packages.NeedName | packages.NeedSyntax | packages.NeedTypes | packages.NeedTypesInfo,
	}, dir)
	if err != nil || len(pkgs) != 1 || len(pkgs[0].Errors) > 0 {
		t.Fatalf("loading %s: %v %v", dir, err, pkgs)
	}
	c := newCypherCheck(pkgs[0])
	c.eachCall(func(call *ast.CallExpr, fn ast.Node) {
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok || (sel.Sel.Name != "Run" && sel.Sel.Name != "ExecuteQuery") || len(call.Args) < 2 {
			return
		}
		sinks++
		if why := c.unsafe(call.Args[1], fn); why != "" {
			problems = append(problems, fmt.Sprintf("%s (%s): Cypher sent to Neo4j is not built from constants: %s", c.pos(call), declName(fn), why))
		}
	})
	return problems, sinks
}

// enumTypes are the types whose values may be spliced into Cypher as labels and
// relationship types: the store looks each value up in its allowlist (linkSpecs,
// searchKinds) and refuses one not there before it builds a query, and labels
// otherwise come from domain's constants.
var enumTypes = map[string]bool{"domain.LinkKind": true, "domain.Label": true}

// cypherCheck follows string values back through the package's code.
type cypherCheck struct {
	pkg     *packages.Package
	decls   []ast.Decl                     // functions, methods and package-level vars, in the order of the code
	funcs   map[types.Object]*ast.FuncDecl // the package's functions and methods
	uses    map[types.Object][]use         // every use of each object
	parents map[ast.Node]ast.Node
	// viaInterface holds the names of the methods called through an interface: the
	// check cannot tell which type's method such a call runs.
	viaInterface map[string]bool
	memo         map[ast.Node]string // "" safe, else why not; being checked: safe
	depth        int                 // of once calls
	tentative    []ast.Node          // found safe since the outermost once began
}

// use is an identifier that refers to an object, in fn: the function, or the
// package-level var declaration, it is in.
type use struct {
	id *ast.Ident
	fn ast.Node
}

func newCypherCheck(pkg *packages.Package) *cypherCheck {
	c := &cypherCheck{pkg: pkg, funcs: map[types.Object]*ast.FuncDecl{}, uses: map[types.Object][]use{},
		parents: map[ast.Node]ast.Node{}, viaInterface: map[string]bool{}, memo: map[ast.Node]string{}}
	for _, f := range pkg.Syntax {
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				c.funcs[pkg.TypesInfo.Defs[d.Name]] = d
				c.decls = append(c.decls, d)
			case *ast.GenDecl:
				if d.Tok == token.VAR {
					c.decls = append(c.decls, d)
				}
			}
		}
	}
	for _, d := range c.decls {
		var stack []ast.Node
		ast.Inspect(d, func(n ast.Node) bool {
			if n == nil {
				stack = stack[:len(stack)-1]
				return true
			}
			if len(stack) > 0 {
				c.parents[n] = stack[len(stack)-1]
			}
			stack = append(stack, n)
			switch n := n.(type) {
			case *ast.Ident:
				if o := pkg.TypesInfo.Uses[n]; o != nil {
					c.uses[o] = append(c.uses[o], use{n, d})
				}
			case *ast.SelectorExpr:
				if s := pkg.TypesInfo.Selections[n]; s != nil {
					if m, ok := s.Obj().(*types.Func); ok && types.IsInterface(m.Type().(*types.Signature).Recv().Type()) {
						c.viaInterface[m.Name()] = true
					}
				}
			}
			return true
		})
	}
	return c
}

func (c *cypherCheck) pos(n ast.Node) string {
	p := c.pkg.Fset.Position(n.Pos())
	return fmt.Sprintf("%s:%d", p.Filename[strings.LastIndex(p.Filename, "/")+1:], p.Line)
}

// declName names a function declaration, or a package-level var declaration by its
// first name.
func declName(d ast.Node) string {
	switch d := d.(type) {
	case *ast.FuncDecl:
		return d.Name.Name
	case *ast.GenDecl:
		if len(d.Specs) > 0 {
			return d.Specs[0].(*ast.ValueSpec).Names[0].Name
		}
	}
	return "?"
}

// eachCall calls f for every call in the package, with the declaration it is in: a
// function, or a package-level var, whose initial value may call functions too.
func (c *cypherCheck) eachCall(f func(call *ast.CallExpr, fn ast.Node)) {
	for _, d := range c.decls {
		ast.Inspect(d, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok {
				f(call, d)
			}
			return true
		})
	}
}

// unsafe returns why e (in the function fn) may hold text not fixed in the code, or
// "" when it may not.
func (c *cypherCheck) unsafe(e ast.Expr, fn ast.Node) string {
	return c.once(e, func() string { return c.check(e, fn) })
}

// once remembers what f finds about n. A node met again while it is being checked
// (a cycle) is taken to pass, as a cycle brings in no value of its own; but what is
// found under that assumption holds only if the node does pass, so when the
// outermost check fails, the passes found during it are forgotten.
func (c *cypherCheck) once(n ast.Node, f func() string) string {
	if done, ok := c.memo[n]; ok {
		return done
	}
	if c.depth == 0 {
		c.tentative = c.tentative[:0]
	}
	c.memo[n] = ""
	c.depth++
	why := f()
	c.depth--
	c.memo[n] = why
	if why == "" {
		c.tentative = append(c.tentative, n)
	} else if c.depth == 0 {
		for _, t := range c.tentative {
			delete(c.memo, t)
		}
	}
	return why
}
