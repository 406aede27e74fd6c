package neo4jstore_test

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"
)

// How the Cypher check follows calls: the arguments a function's parameters get at
// each call, closures, and the results of the functions it calls.

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
