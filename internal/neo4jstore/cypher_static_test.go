package neo4jstore_test

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
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
		_, isMap := info.TypeOf(e).Underlying().(*types.Map)
		for _, el := range e.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				if isMap { // a map's keys are values too (ranged over)
					if why := c.unsafe(kv.Key, fn); why != "" {
						return why
					}
				}
				el = kv.Value
			}
			if why := c.unsafe(el, fn); why != "" {
				return why
			}
		}
		return ""
	case *ast.IndexExpr:
		return c.unsafe(e.X, fn) // an entry of a table that passes, whatever the key
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

// ident: a package-level value that passes, a parameter whose every argument passes,
// or a local whose every value passes.
func (c *cypherCheck) ident(id *ast.Ident, fn ast.Node) string {
	obj := c.objectOf(id)
	v, ok := obj.(*types.Var)
	if !ok {
		if _, isConst := obj.(*types.Const); isConst {
			return ""
		}
		return fmt.Sprintf("%s: %s is not a value", c.pos(id), id.Name)
	}
	if v.Parent() == c.pkg.Types.Scope() {
		return c.packageVar(v)
	}
	if decl, index, def := c.paramOf(v); decl != nil {
		return c.once(def, func() string { return c.arguments(decl, index, v) })
	}
	if lit, index := c.closureParam(fn, v); lit != nil {
		return c.closureArguments(fn, lit, index)
	}
	return c.local(id, v, fn)
}

// packageVar: a package-level variable passes when its first value passes and
// nothing in the package changes it, or an entry of it, to a value that does not,
// nor hands it on to what could (see changes). Being declared at package level fixes
// nothing: an allowlist a function adds a caller's value to is no allowlist.
func (c *cypherCheck) packageVar(v *types.Var) string {
	for _, d := range c.decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok {
			continue
		}
		for _, s := range gd.Specs {
			spec := s.(*ast.ValueSpec)
			for i, name := range spec.Names {
				if c.pkg.TypesInfo.Defs[name] == v {
					return c.once(name, func() string {
						if why := c.valueOf(spec, i, gd); why != "" {
							return why
						}
						return c.changes(v, map[*types.Var]bool{})
					})
				}
			}
		}
	}
	return fmt.Sprintf("%s is declared nowhere in the package", v.Name())
}

// valueOf checks the value spec gives its i-th name (none: the zero value, which
// passes).
func (c *cypherCheck) valueOf(spec *ast.ValueSpec, i int, fn ast.Node) string {
	switch {
	case len(spec.Values) == len(spec.Names):
		return c.unsafe(spec.Values[i], fn)
	case len(spec.Values) == 1:
		return c.result(spec.Values[0], i, fn)
	}
	return ""
}

// changes checks every use of v (a package-level variable, or a local that shares a
// map, slice or pointer with one): each value written into it, whole or through an
// index, field or pointer, must pass; it must not have its address taken; and what
// it shares must not be handed on, for whatever holds it then could change it out
// of sight. A local it is put in is followed in turn.
func (c *cypherCheck) changes(v *types.Var, seen map[*types.Var]bool) string {
	if seen[v] {
		return ""
	}
	seen[v] = true
	for _, u := range c.uses[v] {
		if why := c.changedAt(u, v, seen); why != "" {
			return why
		}
	}
	return ""
}

func (c *cypherCheck) changedAt(u use, v *types.Var, seen map[*types.Var]bool) string {
	info := c.pkg.TypesInfo
	// e is the part of v this use reaches: an entry, a field, what a pointer points to.
	var e ast.Expr = u.id
up:
	for {
		switch p := c.parents[e].(type) {
		case *ast.ParenExpr:
			e = p
		case *ast.StarExpr:
			e = p
		case *ast.IndexExpr:
			if p.X != e {
				break up
			}
			e = p
		case *ast.SliceExpr: // shares v's array
			if p.X != e {
				break up
			}
			e = p
		case *ast.SelectorExpr:
			if s := info.Selections[p]; s == nil || s.Kind() != types.FieldVal || p.X != e {
				break up
			}
			e = p
		default:
			break up
		}
	}
	handedOn := func() string {
		if !shares(info.TypeOf(e)) {
			return "" // a copy, which nothing can change v through
		}
		return fmt.Sprintf("%s: %s is handed on here, and may be changed out of sight", c.pos(e), v.Name())
	}
	switch p := c.parents[e].(type) {
	case *ast.AssignStmt:
		for i, lhs := range p.Lhs {
			if lhs == e {
				if why := c.assigned(p, i, u.fn); why != "" {
					return fmt.Sprintf("%s: %s is set here from a value that does not pass: %s", c.pos(p), v.Name(), why)
				}
				return ""
			}
		}
		for i, rhs := range p.Rhs {
			if rhs == e && len(p.Lhs) == len(p.Rhs) && shares(info.TypeOf(e)) {
				if alias, ok := c.varOf(p.Lhs[i]); ok {
					return c.changes(alias, seen)
				}
			}
		}
	case *ast.ValueSpec:
		for i, value := range p.Values {
			if value == e && len(p.Names) == len(p.Values) && shares(info.TypeOf(e)) {
				if alias, ok := c.varOf(p.Names[i]); ok {
					return c.changes(alias, seen)
				}
			}
		}
	case *ast.RangeStmt:
		if p.Key == e || p.Value == e {
			if why := c.unsafe(p.X, u.fn); why != "" {
				return fmt.Sprintf("%s: %s is set here from a value that does not pass: %s", c.pos(p), v.Name(), why)
			}
			return ""
		}
		for _, x := range []ast.Expr{p.Key, p.Value} {
			if x == nil || !shares(info.TypeOf(x)) {
				continue
			}
			alias, ok := c.varOf(x)
			if !ok {
				return fmt.Sprintf("%s: an entry of %s is handed on here, and may be changed out of sight", c.pos(x), v.Name())
			}
			if why := c.changes(alias, seen); why != "" {
				return why
			}
		}
		return ""
	case *ast.UnaryExpr:
		if p.Op == token.AND {
			return fmt.Sprintf("%s: %s has its address taken here, and may be set through it", c.pos(p), v.Name())
		}
	case *ast.IncDecStmt, *ast.BinaryExpr:
		return "" // a number changed; a comparison
	case *ast.CallExpr:
		if id, ok := ast.Unparen(p.Fun).(*ast.Ident); ok {
			if _, builtin := info.Uses[id].(*types.Builtin); builtin {
				switch {
				case id.Name == "len" || id.Name == "cap" || id.Name == "delete" || id.Name == "clear":
					return ""
				case id.Name == "copy" && p.Args[0] == e:
					if why := c.unsafe(p.Args[1], u.fn); why != "" {
						return fmt.Sprintf("%s: %s is set here from a value that does not pass: %s", c.pos(p), v.Name(), why)
					}
					return ""
				case id.Name == "append" && p.Args[0] == e:
					// v = append(v, ...): the assignment to v is checked where v is
					// its left side; any other result shares v's array.
					if a, ok := c.parents[p].(*ast.AssignStmt); ok && len(a.Lhs) == 1 && a.Rhs[0] == p && c.rootIs(a.Lhs[0], v) {
						return ""
					}
					e = p
				case id.Name == "copy" || id.Name == "append":
					if s, ok := info.TypeOf(e).Underlying().(*types.Slice); ok && !shares(s.Elem()) {
						return "" // its entries copied
					}
				}
			}
		}
	case *ast.SelectorExpr: // a method of v (its fields were walked above)
		if s := info.Selections[p]; s != nil && s.Kind() == types.MethodVal {
			_, ptrRecv := s.Obj().Type().(*types.Signature).Recv().Type().(*types.Pointer)
			if _, isPtr := info.TypeOf(e).Underlying().(*types.Pointer); ptrRecv && !isPtr {
				return fmt.Sprintf("%s: %s has its address taken here (by %s), and may be set through it", c.pos(p), v.Name(), p.Sel.Name)
			}
		}
	}
	return handedOn()
}

// shares says whether a value of t shares something with its copies (a map, slice,
// pointer, channel or interface), through which a copy could change it.
func shares(t types.Type) bool {
	if t == nil {
		return true
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Kind() == types.UnsafePointer
	case *types.Struct:
		for i := range u.NumFields() {
			if shares(u.Field(i).Type()) {
				return true
			}
		}
		return false
	case *types.Array:
		return shares(u.Elem())
	case *types.Tuple: // v, ok := m[k]
		for i := range u.Len() {
			if shares(u.At(i).Type()) {
				return true
			}
		}
		return false
	case *types.Signature:
		return false
	}
	return true
}

// varOf is the variable x names, if it names one.
func (c *cypherCheck) varOf(x ast.Expr) (*types.Var, bool) {
	id, ok := ast.Unparen(x).(*ast.Ident)
	if !ok {
		return nil, false
	}
	v, ok := c.objectOf(id).(*types.Var)
	return v, ok
}

// rootIs says whether x is v, or an entry of v or what it points to: assigning to x
// puts a value in v.
func (c *cypherCheck) rootIs(x ast.Expr, v *types.Var) bool {
	for {
		switch e := x.(type) {
		case *ast.ParenExpr:
			x = e.X
		case *ast.IndexExpr:
			x = e.X
		case *ast.StarExpr:
			x = e.X
		case *ast.Ident:
			return c.objectOf(e) == v
		default:
			return false
		}
	}
}

// local: a local variable passes when every value put in it passes: where it is
// declared or assigned, an entry written into it, the values it ranges over, a
// strings.Builder's text. One whose address is taken may be set through the
// pointer, and fails.
func (c *cypherCheck) local(id *ast.Ident, v *types.Var, fn ast.Node) string {
	found := false
	var why string
	ast.Inspect(fn, func(n ast.Node) bool {
		if why != "" {
			return false
		}
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				if c.rootIs(lhs, v) && why == "" {
					found = true
					why = c.assigned(n, i, fn)
				}
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				if c.objectOf(name) == v {
					found = true
					why = c.valueOf(n, i, fn)
				}
			}
		case *ast.RangeStmt:
			for _, x := range []ast.Expr{n.Key, n.Value} {
				if x != nil && c.rootIs(x, v) && why == "" {
					found = true
					why = c.unsafe(n.X, fn)
				}
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND && c.rootIs(n.X, v) {
				why = fmt.Sprintf("%s: %s has its address taken here, and may be set through it", c.pos(n), v.Name())
			}
		case *ast.CallExpr:
			// A strings.Builder's text is what is written into it.
			if sel, ok := n.Fun.(*ast.SelectorExpr); ok && strings.HasPrefix(sel.Sel.Name, "Write") {
				if x, ok := sel.X.(*ast.Ident); ok && c.objectOf(x) == v {
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

// assigned checks the value a puts in its i-th left side.
func (c *cypherCheck) assigned(a *ast.AssignStmt, i int, fn ast.Node) string {
	if len(a.Rhs) == len(a.Lhs) {
		return c.unsafe(a.Rhs[i], fn)
	}
	return c.result(a.Rhs[0], i, fn)
}

// result checks the i-th of the values e gives (a call with several results, or a
// comma-ok form): of a function of the package, that result of its every return.
func (c *cypherCheck) result(e ast.Expr, i int, fn ast.Node) string {
	if i == 0 {
		return c.unsafe(e, fn)
	}
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok {
		if decl := c.funcs[c.callee(call)]; decl != nil {
			return c.results(decl, i)
		}
		if lit, ok := call.Fun.(*ast.FuncLit); ok {
			return c.resultsOf(lit.Body, lit.Type, i, fn)
		}
		if id, ok := call.Fun.(*ast.Ident); ok {
			if lit := c.closureOf(fn, c.objectOf(id)); lit != nil {
				return c.resultsOf(lit.Body, lit.Type, i, fn)
			}
		}
	}
	return c.unsafe(e, fn) // all of it
}

func (c *cypherCheck) objectOf(id *ast.Ident) types.Object {
	if o := c.pkg.TypesInfo.Defs[id]; o != nil {
		return o
	}
	return c.pkg.TypesInfo.Uses[id]
}

// paramOf returns the function declaration whose parameter (or receiver, index -1)
// v is, its index, and the name that declares it.
func (c *cypherCheck) paramOf(v *types.Var) (*ast.FuncDecl, int, *ast.Ident) {
	for _, fd := range c.funcs {
		if fd.Recv != nil {
			for _, f := range fd.Recv.List {
				for _, n := range f.Names {
					if c.pkg.TypesInfo.Defs[n] == v {
						return fd, -1, n
					}
				}
			}
		}
		i := 0
		for _, f := range fd.Type.Params.List {
			for _, n := range f.Names {
				if c.pkg.TypesInfo.Defs[n] == v {
					return fd, i, n
				}
				i++
			}
		}
	}
	return nil, 0, nil
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
// variable lit is assigned to; one handed on as a value may be called out of sight.
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
	for _, u := range c.uses[closure] {
		if !c.called(u.id) && !c.assignedTo(u.id) {
			return fmt.Sprintf("%s: %s is used as a value here, so its arguments may come from calls not seen", c.pos(u.id), u.id.Name)
		}
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

// assignedTo says whether id is the left side of an assignment.
func (c *cypherCheck) assignedTo(id *ast.Ident) bool {
	a, ok := c.parents[id].(*ast.AssignStmt)
	if !ok {
		return false
	}
	for _, lhs := range a.Lhs {
		if lhs == id {
			return true
		}
	}
	return false
}

// called says whether id, a function's name, is what a call calls (not the function
// used as a value, nor a method expression, whose receiver is an argument).
func (c *cypherCheck) called(id *ast.Ident) bool {
	var e ast.Node = id
	if s, ok := c.parents[e].(*ast.SelectorExpr); ok && s.Sel == id {
		if sel := c.pkg.TypesInfo.Selections[s]; sel != nil && sel.Kind() == types.MethodExpr {
			return false
		}
		e = s
	}
	for {
		switch p := c.parents[e].(type) {
		case *ast.ParenExpr:
			e = p
			continue
		case *ast.IndexExpr: // a generic function's instance
			if p.X == e {
				e = p
				continue
			}
		case *ast.IndexListExpr:
			if p.X == e {
				e = p
				continue
			}
		}
		break
	}
	call, ok := c.parents[e].(*ast.CallExpr)
	return ok && call.Fun == e
}

// arguments checks the argument at index of every call of decl in the package (the
// receiver for -1). A parameter is only as fixed as what every caller passes, so it
// fails when a caller may be out of sight: the function is exported (code outside
// the package may call it with anything, whatever the calls inside pass), used as a
// value, or a method called through an interface.
func (c *cypherCheck) arguments(decl *ast.FuncDecl, index int, v *types.Var) string {
	if index < 0 {
		t := v.Type()
		if p, ok := t.Underlying().(*types.Pointer); ok {
			t = p.Elem()
		}
		if _, ok := t.Underlying().(*types.Struct); ok {
			return "" // a struct: its Cypher-bearing fields are checked where they are set
		}
	}
	name := decl.Name.Name
	if decl.Name.IsExported() {
		return fmt.Sprintf("%s: %s of %s comes from outside the package (%s is exported)", c.pos(decl), v.Name(), name, name)
	}
	target := c.pkg.TypesInfo.Defs[decl.Name]
	for _, u := range c.uses[target] {
		if !c.called(u.id) {
			return fmt.Sprintf("%s: %s is used as a value here, so %s of it may come from calls not seen", c.pos(u.id), name, v.Name())
		}
	}
	if decl.Recv != nil && c.viaInterface[name] {
		return fmt.Sprintf("%s: %s may be called through an interface, so %s of it may come from calls not seen", c.pos(decl), name, v.Name())
	}
	sig := target.Type().(*types.Signature)
	var whys []string
	c.eachCall(func(call *ast.CallExpr, fn ast.Node) {
		if c.callee(call) != target {
			return
		}
		var args []ast.Expr
		switch {
		case index < 0:
			args = []ast.Expr{ast.Unparen(call.Fun).(*ast.SelectorExpr).X}
		case sig.Variadic() && index == sig.Params().Len()-1 && !call.Ellipsis.IsValid():
			args = call.Args[min(index, len(call.Args)):] // each of the variadic arguments
		case index < len(call.Args):
			args = call.Args[index : index+1]
		}
		for _, a := range args {
			if why := c.unsafe(a, fn); why != "" {
				if !slices.Contains(whys, why) {
					whys = append(whys, why)
				}
				return
			}
		}
	})
	return strings.Join(whys, "; ")
}

// callee is the package function or method a call calls, or nil.
func (c *cypherCheck) callee(call *ast.CallExpr) types.Object {
	f := ast.Unparen(call.Fun)
	switch x := f.(type) {
	case *ast.IndexExpr: // a generic function
		f = x.X
	case *ast.IndexListExpr:
		f = x.X
	}
	switch f := f.(type) {
	case *ast.Ident:
		return c.pkg.TypesInfo.Uses[f]
	case *ast.SelectorExpr:
		if sel := c.pkg.TypesInfo.Selections[f]; sel != nil {
			if sel.Kind() == types.MethodExpr {
				return nil // (T).m: the receiver is the first argument
			}
			return sel.Obj()
		}
		return c.pkg.TypesInfo.Uses[f.Sel]
	}
	return nil
}

// selector: a package-level value of another package (domain's lists), or a field
// of this package's types whose every setting in the package passes. A field of
// another package's type, or an exported one, may be set outside it.
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
	if field.Pkg() != c.pkg.Types || field.Exported() {
		return fmt.Sprintf("%s: %s is a field that code outside the package may set", c.pos(e), e.Sel.Name)
	}
	var why string
	for _, d := range c.decls { // package-level values included: they are set by code too
		if c.fieldSets(d, field, d, &why); why != "" {
			break
		}
	}
	return why
}

// fieldSets checks every setting of field inside node (in the function fn): keyed and
// positional composite literals of its struct, and assignments to it; one whose
// address is taken may be set through the pointer.
func (c *cypherCheck) fieldSets(node ast.Node, field *types.Var, fn ast.Node, why *string) {
	isField := func(x ast.Expr) bool {
		s, ok := ast.Unparen(x).(*ast.SelectorExpr)
		if !ok {
			return false
		}
		sel := c.pkg.TypesInfo.Selections[s]
		return sel != nil && sel.Obj() == field
	}
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
				if isField(lhs) && *why == "" {
					*why = c.assigned(n, i, fn)
				}
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND && isField(n.X) {
				*why = fmt.Sprintf("%s: %s has its address taken here, and may be set through it", c.pos(n), field.Name())
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
		return c.results(decl, 0)
	}
	if lit, ok := call.Fun.(*ast.FuncLit); ok {
		return c.resultsOf(lit.Body, lit.Type, 0, fn)
	}
	if id, ok := call.Fun.(*ast.Ident); ok {
		if lit := c.closureOf(fn, c.objectOf(id)); lit != nil {
			return c.resultsOf(lit.Body, lit.Type, 0, fn)
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
	// A method of a value that passes (a strings.Builder's String) over arguments that
	// pass. What a regexp's ReplaceAll methods return is made of the text and the
	// template only, whatever the pattern: those are followed, the regexp is not.
	if !(strings.HasPrefix(name, "ReplaceAll") && types.TypeString(info.TypeOf(sel.X), nil) == "*regexp.Regexp") {
		if why := c.unsafe(sel.X, fn); why != "" {
			return why
		}
	}
	for _, a := range call.Args {
		if why := c.unsafe(a, fn); why != "" {
			return why
		}
	}
	return ""
}

// results checks the i-th result of every return of a package function.
func (c *cypherCheck) results(decl *ast.FuncDecl, i int) string {
	if decl.Body == nil {
		return ""
	}
	return c.resultsOf(decl.Body, decl.Type, i, decl)
}

// resultsOf checks the i-th result of every return in body, a function of type ft
// (in fn): the value returned, or the named result a bare return returns.
func (c *cypherCheck) resultsOf(body *ast.BlockStmt, ft *ast.FuncType, i int, fn ast.Node) string {
	var named []*ast.Ident
	if ft.Results != nil {
		for _, f := range ft.Results.List {
			named = append(named, f.Names...)
		}
	}
	var why string
	ast.Inspect(body, func(n ast.Node) bool {
		if why != "" {
			return false
		}
		if _, ok := n.(*ast.FuncLit); ok {
			return false // its returns are its own
		}
		if ret, ok := n.(*ast.ReturnStmt); ok {
			switch {
			case len(ret.Results) == 0 && i < len(named):
				why = c.unsafe(named[i], fn)
			case len(ret.Results) == 1 && i > 0: // return f(), f having several results
				why = c.result(ret.Results[0], i, fn)
			case i < len(ret.Results):
				why = c.unsafe(ret.Results[i], fn)
			}
		}
		return true
	})
	return why
}
