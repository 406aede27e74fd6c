// Command postgen rewrites gqlgen's generated executor (graph/generated.go) where
// gqlgen's own code costs the server most and offers no setting (docs/benchmarks.md,
// run 4), and tidies its imports. `go generate ./graph` runs it after gqlgen:
//
//   - lists marshal in order (graph.marshalInOrder) rather than in a goroutine per
//     element (graphql.MarshalSliceConcurrently);
//   - each object's @defer group is made without its response path
//     (graph.newDeferredGroup): the server refuses @defer, and the path was
//     computed for every object of every response;
//   - a resolver field below the root whose value the read planner has read runs
//     in place (graph.resolveInPlace) rather than in a goroutine of its own at the
//     object's dispatch (graphql.FieldSet.ResolveConcurrently); the fields listed
//     in concurrent, whose resolvers read the store themselves, keep theirs.
//
// Usage: go run ./graph/cmd/postgen [FILE]   (default generated.go, as go generate
// runs it in graph/)
package main

import (
	"bytes"
	"fmt"
	"os"
	"regexp"

	"golang.org/x/tools/imports"
)

// rewrites are the calls replaced, in the exact form gqlgen v0.17 writes them with
// gqlgen.yml's settings (no worker limit, the panic handler kept).
var rewrites = []struct{ from, to, name string }{
	{"graphql.MarshalSliceConcurrently(ctx, len(v), 0, false, ", "marshalInOrder(ctx, len(v), ", "MarshalSliceConcurrently"},
	{"graphql.NewDeferredGroup(ctx)", "newDeferredGroup(ctx)", "NewDeferredGroup"},
}

// concurrent are the resolver fields below the root (Type.field) that read the store
// themselves, each object on its own, rather than the read planner's values: they
// keep gqlgen's goroutine, so that the counts of a page's connections are asked for
// together. TestConcurrentFieldsReadTheStore checks the list against the resolvers.
var concurrent = map[string]bool{
	"CorrespondentConnection.totalCount": true,
	"LetterConnection.totalCount":        true,
	"GraphStatistics.topCorrespondents":  true,
}

// scheduled is a resolver field as gqlgen schedules it (with gqlgen.yml's settings),
// with the type and field it resolves: ${2} and ${3}.
var scheduled = regexp.MustCompile(`out\.ResolveConcurrently\(ec\.OperationContext, &deferred, i,(\s+(?:true|false), (?:true|false),\s+func\(ctx context\.Context\) graphql\.Marshaler \{\s+return ec\._(\w+)_(\w+)\(ctx, field, obj\))`)

const inPlace = "resolveInPlace(ctx, ec.OperationContext, out, &deferred, field, i,"

// resolveInPlace rewrites the scheduled fields not in concurrent.
func resolveInPlace(file string, src []byte) ([]byte, error) {
	out := scheduled.ReplaceAllFunc(src, func(m []byte) []byte {
		sub := scheduled.FindSubmatch(m)
		if concurrent[string(sub[2])+"."+string(sub[3])] {
			return m
		}
		return append([]byte(inPlace), sub[1]...)
	})
	if left, kept := bytes.Count(out, []byte("out.ResolveConcurrently(")), len(scheduled.FindAll(out, -1)); left != kept {
		return nil, fmt.Errorf("%s: %d calls of ResolveConcurrently not in the form postgen knows", file, left-kept)
	}
	return out, nil
}

func main() {
	file := "generated.go"
	if len(os.Args) > 1 {
		file = os.Args[1]
	}
	if err := rewrite(file); err != nil {
		fmt.Fprintln(os.Stderr, "postgen:", err)
		os.Exit(1)
	}
}

func rewrite(file string) error {
	src, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	out, err := Rewrite(file, src)
	if err != nil {
		return err
	}
	if err := Applied(file, out); err != nil {
		return err
	}
	return os.WriteFile(file, out, 0o644)
}

// Applied fails unless every rewrite was made at least once in the executor out: a
// gqlgen that no longer writes a call at all (renamed, or gone) makes `make
// generate` stop here, so that whether the rewrite is still needed is measured again
// (docs/benchmarks.md, run 4) instead of the step passing silently with nothing done.
func Applied(file string, out []byte) error {
	for _, r := range rewrites {
		if !bytes.Contains(out, []byte(r.to)) {
			return fmt.Errorf("%s: gqlgen wrote no %s call to rewrite; see whether postgen is still needed", file, r.name)
		}
	}
	if !bytes.Contains(out, []byte(inPlace)) {
		return fmt.Errorf("%s: gqlgen wrote no ResolveConcurrently call to rewrite; see whether postgen is still needed", file)
	}
	return nil
}

// Rewrite returns src with the rewrites made and its imports tidied. It fails when
// gqlgen wrote one of the calls in a form it does not know (a new signature, a
// worker limit), so that a gqlgen upgrade is noticed rather than half rewritten.
func Rewrite(file string, src []byte) ([]byte, error) {
	out := src
	for _, r := range rewrites {
		out = bytes.ReplaceAll(out, []byte(r.from), []byte(r.to))
		if n := bytes.Count(out, []byte("graphql."+r.name)); n > 0 {
			return nil, fmt.Errorf("%s: %d calls of %s not in the form %q", file, n, r.name, r.from)
		}
	}
	if bytes.Contains(out, []byte("ResolveConcurrently(")) {
		var err error
		if out, err = resolveInPlace(file, out); err != nil {
			return nil, err
		}
	}
	return imports.Process(file, out, nil)
}
