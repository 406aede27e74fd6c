package neo4jstore_test

import (
	"fmt"
	"go/ast"
	"go/types"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"
)

// TestCypherIsBuiltFromConstants reads the store's code and follows every string that
// reaches the driver (tx.Run) back to where it was made. It fails unless each piece
// is a constant, a package-level value fixed at start (the allowlists and fragments),
// a number, or the result of a function of this package whose own results pass the
// same test; a function's parameter passes when the argument at every call passes.
// So a value from a caller (an id, a name, a search text) can reach Cypher only as a
// query parameter: concatenating one in anywhere makes this test fail.
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
// (testdata/splice): each way of splicing a caller's value into Cypher is reported,
// and the query that takes it as a parameter is not.
func TestCypherCheckCatchesSplicing(t *testing.T) {
	problems, sinks := checkCypher(t, "./testdata/splice")
	if got, want := sinks, 2; got != want {
		t.Errorf("calls that send Cypher in testdata/splice: got %d, want %d", got, want)
	}
	got := strings.Join(problems, "\n")
	for _, want := range []string{"id comes from outside", "name comes from outside", "text comes from outside"} {
		if !strings.Contains(got, want) {
			t.Errorf("problems lack %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "$id") || strings.Count(got, "Cypher sent to Neo4j") != 1 {
		t.Errorf("want one problem, at run's tx.Run, and none at Safe's:\n%s", got)
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
			problems = append(problems, fmt.Sprintf("%s: Cypher sent to Neo4j is not built from constants: %s", c.pos(call), why))
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
	pkg   *packages.Package
	funcs map[types.Object]*ast.FuncDecl // the package's functions and methods
	memo  map[ast.Node]string            // "" safe, else why not; being checked: safe
}

func newCypherCheck(pkg *packages.Package) *cypherCheck {
	c := &cypherCheck{pkg: pkg, funcs: map[types.Object]*ast.FuncDecl{}, memo: map[ast.Node]string{}}
	for _, f := range pkg.Syntax {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok {
				c.funcs[pkg.TypesInfo.Defs[fd.Name]] = fd
			}
		}
	}
	return c
}

func (c *cypherCheck) pos(n ast.Node) string {
	p := c.pkg.Fset.Position(n.Pos())
	return fmt.Sprintf("%s:%d", p.Filename[strings.LastIndex(p.Filename, "/")+1:], p.Line)
}

// eachCall calls f for every call in the package, with the function declaration it
// is in.
func (c *cypherCheck) eachCall(f func(call *ast.CallExpr, fn ast.Node)) {
	for _, fd := range c.funcs {
		ast.Inspect(fd, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok {
				f(call, fd)
			}
			return true
		})
	}
	// Package-level values are built at start, from fixed pieces: their calls are
	// checked where their values are used (a package-level var is accepted as it is).
}

// unsafe returns why e (in the function fn) may hold text not fixed in the code, or
// "" when it may not.
func (c *cypherCheck) unsafe(e ast.Expr, fn ast.Node) string {
	if done, ok := c.memo[e]; ok {
		return done
	}
	c.memo[e] = "" // a cycle adds nothing new
	why := c.check(e, fn)
	c.memo[e] = why
	return why
}

func (c *cypherCheck) check(e ast.Expr, fn ast.Node) string {
	info := c.pkg.TypesInfo
	if tv, ok := info.Types[e]; ok {
		if tv.Value != nil {
			return "" // a constant
		}
		if b, ok := tv.Type.Underlying().(*types.Basic); ok && b.Info()&(types.IsInteger|types.IsBoolean|types.IsFloat) != 0 {
			return "" // a number cannot carry Cypher
		}
	}
	switch e := e.(type) {
	case *ast.BasicLit:
		return ""
	case *ast.ParenExpr:
		return c.unsafe(e.X, fn)
	case *ast.BinaryExpr:
		if why := c.unsafe(e.X, fn); why != "" {
			return why
		}
		return c.unsafe(e.Y, fn)
	case *ast.CompositeLit:
		for _, el := range e.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				el = kv.Value
			}
			if why := c.unsafe(el, fn); why != "" {
				return why
			}
		}
		return ""
	case *ast.IndexExpr:
		return c.unsafe(e.X, fn) // an entry of a fixed table, whatever the key
	case *ast.SliceExpr:
		return c.unsafe(e.X, fn)
	case *ast.Ident:
		return c.ident(e, fn)
	case *ast.SelectorExpr:
		return c.selector(e, fn)
	case *ast.CallExpr:
		return c.call(e, fn)
	}
	return fmt.Sprintf("%s: %T is not followed", c.pos(e), e)
}

// ident: a package-level value, or a local whose every assignment passes, or a
// parameter whose every argument passes.
func (c *cypherCheck) ident(id *ast.Ident, fn ast.Node) string {
	obj := c.pkg.TypesInfo.Uses[id]
	if obj == nil {
		obj = c.pkg.TypesInfo.Defs[id]
	}
	v, ok := obj.(*types.Var)
	if !ok {
		if _, isConst := obj.(*types.Const); isConst {
			return ""
		}
		return fmt.Sprintf("%s: %s is not a value", c.pos(id), id.Name)
	}
	if v.Parent() == c.pkg.Types.Scope() {
		return "" // package level: fixed at start
	}
	if decl, index := c.paramOf(v); decl != nil {
		return c.arguments(decl, index, v)
	}
	if lit, index := c.closureParam(fn, v); lit != nil {
		return c.closureArguments(fn, lit, index)
	}
	found := false
	var why string
	ast.Inspect(fn, func(n ast.Node) bool {
		if why != "" {
			return false
		}
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				if l, ok := lhs.(*ast.Ident); ok && c.objectOf(l) == obj {
					found = true
					rhs := n.Rhs[0]
					if len(n.Rhs) == len(n.Lhs) {
						rhs = n.Rhs[i]
					}
					why = c.unsafe(rhs, fn)
				}
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				if c.objectOf(name) == obj && i < len(n.Values) {
					found = true
					why = c.unsafe(n.Values[i], fn)
				} else if c.objectOf(name) == obj {
					found = true // declared empty
				}
			}
		case *ast.RangeStmt:
			for _, x := range []ast.Expr{n.Key, n.Value} {
				if l, ok := x.(*ast.Ident); ok && c.objectOf(l) == obj {
					found = true
					why = c.unsafe(n.X, fn)
				}
			}
		case *ast.CallExpr:
			// A strings.Builder's text is what is written into it.
			if sel, ok := n.Fun.(*ast.SelectorExpr); ok && strings.HasPrefix(sel.Sel.Name, "Write") {
				if x, ok := sel.X.(*ast.Ident); ok && c.objectOf(x) == obj {
					for _, a := range n.Args {
						if why = c.unsafe(a, fn); why != "" {
							break
						}
					}
				}
			}
		}
		return true
	})
	if why != "" {
		return why
	}
	if !found {
		return fmt.Sprintf("%s: no assignment of %s found", c.pos(id), id.Name)
	}
	return ""
}

func (c *cypherCheck) objectOf(id *ast.Ident) types.Object {
	if o := c.pkg.TypesInfo.Defs[id]; o != nil {
		return o
	}
	return c.pkg.TypesInfo.Uses[id]
}

// paramOf returns the function declaration whose parameter (or receiver, index -1)
// v is, and its index.
func (c *cypherCheck) paramOf(v *types.Var) (*ast.FuncDecl, int) {
	for _, fd := range c.funcs {
		if fd.Recv != nil {
			for _, f := range fd.Recv.List {
				for _, n := range f.Names {
					if c.pkg.TypesInfo.Defs[n] == v {
						return fd, -1
					}
				}
			}
		}
		i := 0
		for _, f := range fd.Type.Params.List {
			for _, n := range f.Names {
				if c.pkg.TypesInfo.Defs[n] == v {
					return fd, i
				}
				i++
			}
		}
	}
	return nil, 0
}

// closureParam returns the function literal in fn whose parameter v is, and its index.
func (c *cypherCheck) closureParam(fn ast.Node, v *types.Var) (*ast.FuncLit, int) {
	var found *ast.FuncLit
	index := 0
	ast.Inspect(fn, func(n ast.Node) bool {
		lit, ok := n.(*ast.FuncLit)
		if !ok || found != nil {
			return found == nil
		}
		i := 0
		for _, f := range lit.Type.Params.List {
			for _, name := range f.Names {
				if c.pkg.TypesInfo.Defs[name] == v {
					found, index = lit, i
				}
				i++
			}
		}
		return true
	})
	return found, index
}

// closureOf returns the function literal assigned, in fn, to the variable obj.
func (c *cypherCheck) closureOf(fn ast.Node, obj types.Object) *ast.FuncLit {
	var found *ast.FuncLit
	ast.Inspect(fn, func(n ast.Node) bool {
		if a, ok := n.(*ast.AssignStmt); ok {
			for i, lhs := range a.Lhs {
				if id, ok := lhs.(*ast.Ident); ok && c.objectOf(id) == obj && i < len(a.Rhs) {
					found, _ = a.Rhs[i].(*ast.FuncLit)
				}
			}
		}
		return found == nil
	})
	return found
}

// closureArguments checks the argument at index of every call, in fn, of the
// variable lit is assigned to.
func (c *cypherCheck) closureArguments(fn ast.Node, lit *ast.FuncLit, index int) string {
	var closure types.Object
	ast.Inspect(fn, func(n ast.Node) bool {
		if a, ok := n.(*ast.AssignStmt); ok {
			for i, rhs := range a.Rhs {
				if rhs == lit && i < len(a.Lhs) {
					if id, ok := a.Lhs[i].(*ast.Ident); ok {
						closure = c.objectOf(id)
					}
				}
			}
		}
		return closure == nil
	})
	if closure == nil {
		return fmt.Sprintf("%s: a function literal that is not assigned to a variable", c.pos(lit))
	}
	var why string
	ast.Inspect(fn, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || why != "" {
			return why == ""
		}
		if id, ok := call.Fun.(*ast.Ident); ok && c.objectOf(id) == closure && index < len(call.Args) {
			why = c.unsafe(call.Args[index], fn)
		}
		return true
	})
	return why
}

// arguments checks the argument at index of every call of decl in the package (the
// receiver for -1: a receiver's Cypher-bearing fields are checked where they are set).
func (c *cypherCheck) arguments(decl *ast.FuncDecl, index int, v *types.Var) string {
	if index < 0 {
		return ""
	}
	target := c.pkg.TypesInfo.Defs[decl.Name]
	var whys []string
	calls := 0
	c.eachCall(func(call *ast.CallExpr, fn ast.Node) {
		if c.callee(call) != target || index >= len(call.Args) {
			return
		}
		calls++
		if why := c.unsafe(call.Args[index], fn); why != "" {
			whys = append(whys, why)
		}
	})
	if len(whys) > 0 {
		return strings.Join(whys, "; ")
	}
	if calls == 0 && decl.Name.IsExported() {
		return fmt.Sprintf("%s: %s comes from outside the package", c.pos(decl), v.Name())
	}
	return ""
}

// callee is the package function or method a call calls, or nil.
func (c *cypherCheck) callee(call *ast.CallExpr) types.Object {
	switch f := call.Fun.(type) {
	case *ast.Ident:
		return c.pkg.TypesInfo.Uses[f]
	case *ast.SelectorExpr:
		if sel := c.pkg.TypesInfo.Selections[f]; sel != nil {
			return sel.Obj()
		}
		return c.pkg.TypesInfo.Uses[f.Sel]
	case *ast.IndexExpr: // a generic function
		if id, ok := f.X.(*ast.Ident); ok {
			return c.pkg.TypesInfo.Uses[id]
		}
	}
	return nil
}

// selector: a package-level value of another package (domain's lists), or a field
// whose every setting in the package passes.
func (c *cypherCheck) selector(e *ast.SelectorExpr, fn ast.Node) string {
	sel := c.pkg.TypesInfo.Selections[e]
	if sel == nil {
		if _, ok := c.pkg.TypesInfo.Uses[e.Sel].(*types.Var); ok {
			return "" // another package's package-level value
		}
		if _, ok := c.pkg.TypesInfo.Uses[e.Sel].(*types.Const); ok {
			return ""
		}
		return fmt.Sprintf("%s: %s is not followed", c.pos(e), e.Sel.Name)
	}
	field, ok := sel.Obj().(*types.Var)
	if !ok || !field.IsField() {
		return fmt.Sprintf("%s: %s is not a field", c.pos(e), e.Sel.Name)
	}
	var why string
	for _, f := range c.pkg.Syntax {
		ast.Inspect(f, func(n ast.Node) bool {
			if why != "" {
				return false
			}
			switch n := n.(type) {
			case *ast.FuncDecl:
				c.fieldSets(n, field, n, &why)
				return false
			case *ast.GenDecl: // package-level values: fixed at start
				return false
			}
			return true
		})
	}
	return why
}

// fieldSets checks every setting of field inside node (in the function fn): keyed and
// positional composite literals of its struct, and assignments to it.
func (c *cypherCheck) fieldSets(node ast.Node, field *types.Var, fn ast.Node, why *string) {
	ast.Inspect(node, func(n ast.Node) bool {
		if *why != "" {
			return false
		}
		switch n := n.(type) {
		case *ast.CompositeLit:
			st, ok := c.pkg.TypesInfo.TypeOf(n).Underlying().(*types.Struct)
			if !ok {
				return true
			}
			for i, el := range n.Elts {
				if kv, ok := el.(*ast.KeyValueExpr); ok {
					if k, ok := kv.Key.(*ast.Ident); ok && c.pkg.TypesInfo.Uses[k] == field {
						*why = c.unsafe(kv.Value, fn)
					}
				} else if i < st.NumFields() && st.Field(i) == field {
					*why = c.unsafe(el, fn)
				}
			}
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				if s, ok := lhs.(*ast.SelectorExpr); ok {
					if sel := c.pkg.TypesInfo.Selections[s]; sel != nil && sel.Obj() == field && i < len(n.Rhs) {
						*why = c.unsafe(n.Rhs[i], fn)
					}
				}
			}
		}
		return true
	})
}

// call: a package function whose results pass, a conversion or method of a value
// that passes, or one of a few library functions of text that passes.
func (c *cypherCheck) call(call *ast.CallExpr, fn ast.Node) string {
	info := c.pkg.TypesInfo
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
		if named, ok := info.TypeOf(call.Args[0]).(*types.Named); ok && enumTypes[named.Obj().Pkg().Name()+"."+named.Obj().Name()] {
			return ""
		}
		return c.unsafe(call.Args[0], fn) // a conversion
	}
	if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "append" {
		for _, a := range call.Args {
			if why := c.unsafe(a, fn); why != "" {
				return why
			}
		}
		return ""
	}
	if decl := c.funcs[c.callee(call)]; decl != nil {
		return c.results(decl)
	}
	if lit, ok := call.Fun.(*ast.FuncLit); ok {
		return c.resultsOf(lit.Body, fn)
	}
	if id, ok := call.Fun.(*ast.Ident); ok {
		if lit := c.closureOf(fn, c.objectOf(id)); lit != nil {
			return c.resultsOf(lit.Body, fn)
		}
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return fmt.Sprintf("%s: a call of %T is not followed", c.pos(call), call.Fun)
	}
	name := sel.Sel.Name
	if pkg, ok := sel.X.(*ast.Ident); ok {
		if _, isPkg := info.Uses[pkg].(*types.PkgName); isPkg {
			switch pkg.Name + "." + name {
			case "strings.Join", "strings.Split", "strings.Repeat", "fmt.Sprintf", "strconv.Itoa", "strconv.FormatInt":
				for _, a := range call.Args {
					if why := c.unsafe(a, fn); why != "" {
						return why
					}
				}
				return ""
			}
			return fmt.Sprintf("%s: %s.%s is not allowed in Cypher", c.pos(call), pkg.Name, name)
		}
	}
	// A method of a value that passes (a strings.Builder's String, a fixed regexp's
	// ReplaceAllString) over arguments that pass.
	if why := c.unsafe(sel.X, fn); why != "" {
		return why
	}
	for _, a := range call.Args {
		if why := c.unsafe(a, fn); why != "" {
			return why
		}
	}
	return ""
}

// results checks the first result of every return of a package function.
func (c *cypherCheck) results(decl *ast.FuncDecl) string {
	if decl.Body == nil {
		return ""
	}
	return c.resultsOf(decl.Body, decl)
}

func (c *cypherCheck) resultsOf(body *ast.BlockStmt, fn ast.Node) string {
	var why string
	ast.Inspect(body, func(n ast.Node) bool {
		if why != "" {
			return false
		}
		if lit, ok := n.(*ast.FuncLit); ok && lit.Body != body {
			return false // its returns are its own
		}
		if ret, ok := n.(*ast.ReturnStmt); ok && len(ret.Results) > 0 {
			why = c.unsafe(ret.Results[0], fn)
		}
		return true
	})
	return why
}
