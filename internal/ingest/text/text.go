// Package text imports plain-text letters: an open letter copied from a web page, a
// typed or scanned letter, a memo, a note verbale, an administrative letter. One input
// is one letter. The letter is first cut into zones (zones.go: letterhead, references,
// date line, addressee, memo headers, subject, salutation, body, closing, signatures,
// copy lists, enclosures, postscripts, page artefacts, a web page's trailer) from its
// layout and the cue lexicons of nine languages (lexicon/*.txt, lexicon.go); the
// parties are then read from each zone with its grammar (grammar.go for a line or an
// entry, blocks.go for an addressee block and the signatures, read.go for the whole).
// Whatever it does not recognise stays in the body: a text with no structure at all
// imports as its first line (the title) and the rest.
//
// testdata/letters holds the corpus it is scored on (`lettergraph score`).
package text

import (
	"bytes"
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/lettergraph/lettergraph/internal/domain"
	"github.com/lettergraph/lettergraph/internal/ingest/document"
)

// MaxSize is the largest text letter read, in bytes. A letter is far smaller; the cap
// keeps a wrong file (a log, a dump) from filling memory.
const MaxSize = 4 << 20

// Parse reads one plain-text letter from r and yields it as one item (SourceFormat
// TEXT, Source origin). A document that is no text letter (empty or white space only,
// binary data with NUL bytes or more than a few bytes that are not UTF-8, more than
// MaxSize bytes, a body longer than domain.MaxBody) is yielded as a failed item whose
// Err is a *document.ParseError; every letter yielded passes LetterInput.Normalize.
// Parse returns an error only when r fails or yield does; it never panics on any input.
func Parse(r io.Reader, origin string, yield document.Yield) error {
	raw, err := io.ReadAll(io.LimitReader(r, MaxSize+1))
	if err != nil {
		return fmt.Errorf("%s: %w", origin, err)
	}
	if len(raw) > MaxSize {
		return yield(document.Item{Origin: origin, Err: &document.ParseError{Origin: origin,
			Expected: fmt.Sprintf("a text letter of at most %d MiB", MaxSize>>20), Found: "a larger file"}})
	}
	s, perr := decode(raw, origin)
	if perr != nil {
		return yield(document.Item{Origin: origin, Err: perr})
	}
	in, rd, ok := parseZoned(s)
	if !ok {
		return yield(document.Item{Origin: origin, Err: &document.ParseError{Origin: origin, Line: 1,
			Expected: "a letter's text", Found: "an empty document (only invisible characters)"}})
	}
	if len(in.Body) > domain.MaxBody {
		// Report it here, with the other reasons a text is no letter, rather than
		// hand on a document the domain refuses.
		return yield(document.Item{Origin: origin, Err: &document.ParseError{Origin: origin,
			Expected: fmt.Sprintf("a letter body of at most %d bytes", domain.MaxBody),
			Found:    fmt.Sprintf("a body of %d bytes", len(in.Body))}})
	}
	in.SourceFormat = domain.FormatText
	in.Source = origin
	return yield(document.Item{Letter: in, Origin: origin, Reading: rd})
}

// LooksLikeText reports whether head, the first bytes of a document, can be read as a
// plain-text letter: UTF-8 (or UTF-16 with a byte order mark) without NUL bytes, not
// empty, and not obviously JSON, XML, an mbox or an email. Callers check for those
// formats first; this is the last, permissive test.
func LooksLikeText(head []byte) bool {
	if bytes.HasPrefix(head, []byte{0xFF, 0xFE}) || bytes.HasPrefix(head, []byte{0xFE, 0xFF}) {
		return len(head) > 2
	}
	head = bytes.TrimPrefix(head, []byte{0xEF, 0xBB, 0xBF})
	if bytes.IndexByte(head, 0) >= 0 {
		return false
	}
	// A head cut in the middle of a character is still text.
	if cut := len(head) - utf8.UTFMax; cut > 0 && !utf8.Valid(head) {
		for i := len(head) - 1; i >= cut; i-- {
			if utf8.RuneStart(head[i]) {
				if utf8.Valid(head[:i]) {
					head = head[:i]
				}
				break
			}
		}
	}
	if !utf8.Valid(head) && bytes.Count(bytes.ToValidUTF8(head, []byte{0}), []byte{0}) > maxInvalid {
		return false
	}
	trimmed := bytes.TrimSpace(head)
	if len(trimmed) == 0 {
		return false
	}
	switch trimmed[0] {
	case '{', '[', '<':
		return false
	}
	if bytes.HasPrefix(head, []byte("From ")) {
		return false // an mbox
	}
	for _, h := range []string{"Return-Path:", "Received:", "Message-ID:", "Message-Id:", "MIME-Version:",
		"Delivered-To:", "DKIM-Signature:", "X-"} {
		if bytes.HasPrefix(trimmed, []byte(h)) {
			return false
		}
	}
	return true
}
