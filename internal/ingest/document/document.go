// Package document holds what every parser hands to the importer: one document in
// canonical form (a domain.LetterInput) with where it came from, or the error that kept
// one document from being read. Parsers report a bad document as an Item with Err and
// go on with the next; they return an error only when the whole source cannot be read.
package document

import (
	"fmt"
	"strings"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// Item is one document read from a source, or why it could not be read.
type Item struct {
	Letter domain.LetterInput
	// Origin names the document: a file, "archive.mbox#12" (the 12th message),
	// "letters.xml#3" (the 3rd correspDesc), "batch.ndjson:17" (line 17).
	Origin string
	// Err, when set, is why this document was not read (*ParseError, or a
	// BAD_USER_INPUT *domain.Error from the canonical form); Letter is then empty.
	Err error
	// Reading, from a parser that infers structure, says how each fact was found
	// and whether the letter needs review; nil otherwise.
	Reading *Reading
}

// Yield receives the items of a source in order. An error it returns stops the
// parser, which returns that error.
type Yield func(Item) error

// ParseError says which document, where in it, what was expected and what was found.
type ParseError struct {
	Origin   string // the file, or file#n for the n-th document in it
	Line     int    // 1-based line in the file, 0 when not known
	Element  string // XML element path, header name or section, when it helps
	Expected string // what the parser expected
	Found    string // what it found instead, when it helps
}

func (e *ParseError) Error() string {
	var b strings.Builder
	b.WriteString(e.Origin)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	if e.Element != "" {
		b.WriteString(": " + e.Element)
	}
	b.WriteString(": expected " + e.Expected)
	if e.Found != "" {
		fmt.Fprintf(&b, ", found %q", e.Found)
	}
	return b.String()
}

// AsDomain wraps e as a BAD_USER_INPUT error, as the API reports it.
func (e *ParseError) AsDomain() *domain.Error {
	return &domain.Error{Code: domain.CodeBadUserInput, Message: e.Error(), Err: e}
}
