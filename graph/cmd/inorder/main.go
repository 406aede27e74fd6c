// Command inorder rewrites gqlgen's generated executor (graph/generated.go) to
// marshal lists in order (graph.marshalInOrder) rather than in a goroutine per
// element, and tidies its imports. `go generate ./graph` runs it after gqlgen.
//
// Usage: go run ./graph/cmd/inorder [FILE]   (default graph/generated.go, or
// generated.go when run by go generate in graph/)
package main

import (
	"bytes"
	"fmt"
	"os"

	"golang.org/x/tools/imports"
)

// concurrent is what gqlgen writes for every list of objects: workerLimit 0 and the
// panic handler kept, as gqlgen.yml configures them.
const (
	concurrent = "graphql.MarshalSliceConcurrently(ctx, len(v), 0, false, "
	inOrder    = "marshalInOrder(ctx, len(v), "
)

func main() {
	file := "generated.go"
	if len(os.Args) > 1 {
		file = os.Args[1]
	}
	if err := rewrite(file); err != nil {
		fmt.Fprintln(os.Stderr, "inorder:", err)
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
	return os.WriteFile(file, out, 0o644)
}

// Rewrite returns src with every concurrent list marshalling replaced and its
// imports tidied. It fails when gqlgen wrote MarshalSliceConcurrently in a form it
// does not know (a new signature, a worker limit), so that a gqlgen upgrade is
// noticed rather than half rewritten.
func Rewrite(file string, src []byte) ([]byte, error) {
	out := bytes.ReplaceAll(src, []byte(concurrent), []byte(inOrder))
	if n := bytes.Count(out, []byte("MarshalSliceConcurrently")); n > 0 {
		return nil, fmt.Errorf("%s: %d calls of MarshalSliceConcurrently not in the form %q", file, n, concurrent)
	}
	return imports.Process(file, out, nil)
}
