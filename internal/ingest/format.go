// Package ingest imports documents: it finds the sources (files, folders, globs,
// stdin), detects each one's format from its content, parses it into canonical
// documents, and writes them through the store in batches, counting what happened.
// The `import` subcommand and the importDocuments mutation both use it.
package ingest

import (
	"bufio"
	"io"
	"os"
	"strings"

	"github.com/lettergraph/lettergraph/internal/domain"
	"github.com/lettergraph/lettergraph/internal/ingest/document"
)

// Format is one input format: how to recognise it from the first bytes of a source,
// and how to parse it.
type Format struct {
	Name   string
	Detect func(head []byte) bool
	Parse  func(r io.Reader, origin string, yield document.Yield) error
}

// headSize is how much of a source detection looks at.
const headSize = 8 << 10

// FormatNames lists the formats a user may name, for help and errors.
func FormatNames() []string {
	names := make([]string, len(formats))
	for i, f := range formats {
		names[i] = f.Name
	}
	return names
}

// FormatByName returns the format called name ("text", "email", "mbox", "cmif",
// "json"); "" or "auto" mean detection. It returns a BAD_USER_INPUT error for an
// unknown name.
func FormatByName(name string) (*Format, error) {
	name = strings.ToLower(strings.TrimSpace(name))
	if name == "" || name == "auto" {
		return nil, nil
	}
	if name == "ndjson" {
		name = "json"
	}
	for i := range formats {
		if formats[i].Name == name {
			return &formats[i], nil
		}
	}
	return nil, domain.Invalid("format", "%q is not one of auto, %s", name, strings.Join(FormatNames(), ", "))
}

// Detect returns the first format (most specific first) that recognises head, or nil.
func Detect(head []byte) *Format {
	for i := range formats {
		if formats[i].Detect(head) {
			return &formats[i]
		}
	}
	return nil
}

// Parse reads the documents of one source, in the given format or, when format is
// nil, in the one detected from its first bytes (plain text when none is).
func Parse(r io.Reader, origin string, format *Format, yield document.Yield) error {
	br := bufio.NewReaderSize(r, headSize)
	if format == nil {
		head, err := br.Peek(headSize)
		if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
			return err
		}
		format = Detect(head)
		if format == nil {
			// Plain text is the catch-all: its parser says best what is wrong with
			// an empty file, binary data or an unknown encoding.
			format = &formats[len(formats)-1]
		}
	}
	return format.Parse(br, origin, yield)
}

// ParseFile reads the letters of the file at path as an import does (in the format
// detected from its first bytes) and returns them, or the first document's error: the
// parsers' answer for a corpus of expected documents (`lettergraph score`).
func ParseFile(path string) ([]domain.LetterInput, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var got []domain.LetterInput
	err = Parse(f, path, nil, func(it document.Item) error {
		if it.Err != nil {
			return it.Err
		}
		got = append(got, it.Letter)
		return nil
	})
	return got, err
}
