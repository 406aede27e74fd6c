package neo4jstore_test

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// How the Cypher check follows a value: where an expression, a variable or a field
// gets its value, each path of which must end in constants (cypher_static_test.go).

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
