// Package email reads email: one RFC 5322 message (an .eml file) or an mbox archive,
// into canonical documents (domain.LetterInput, source format EMAIL). From and Sender
// become authors, To recipients, Cc and Bcc copies; Message-ID is the external id and
// In-Reply-To and References the letters replied to; the body is the message's text
// (its first text/plain part, else its HTML part without tags). Large inputs are
// streamed: an attachment is skipped as it is read, and an mbox is read one message at
// a time.
package email

import (
	"bufio"
	"bytes"
	"io"

	"github.com/lettergraph/lettergraph/internal/ingest/document"
)

// NoSubject is the title of a message without a subject, so that every email has one.
const NoSubject = "(no subject)"

// Parse reads one message from r and yields it as one item, named origin: the
// document, or a failed item with a *document.ParseError (element "header") when r
// holds no readable header section — it is empty, its first line is no header field,
// its header section exceeds 4 MiB, or none of its fields is one a message has (From,
// To, Date, Subject, Message-ID, …). A leading mbox "From " line is skipped. All
// after the header section is tolerated: a broken encoding, bad MIME or a missing
// body yields what could be read. Parse returns the error of r, or the one yield
// returns.
func Parse(r io.Reader, origin string, yield document.Yield) error {
	rec := &errRecorder{r: r}
	item := parseMessage(bufio.NewReaderSize(rec, 64<<10), origin, 1)
	if rec.err != nil {
		return rec.err
	}
	return yield(item)
}

// errRecorder remembers the first read error other than io.EOF, which the MIME readers
// would otherwise swallow as if the message had merely ended.
type errRecorder struct {
	r   io.Reader
	err error
}

func (e *errRecorder) Read(p []byte) (int, error) {
	n, err := e.r.Read(p)
	if err != nil && err != io.EOF && e.err == nil {
		e.err = err
	}
	return n, err
}

// parseMessage reads the message in br, whose first line is line first of the source.
// Read errors surface through the caller's errRecorder (or mbox reader), not here.
func parseMessage(br *bufio.Reader, origin string, first int) document.Item {
	h, rest, err := readHeader(br, first)
	fail := func(line int, expected, found string) document.Item {
		return document.Item{Origin: origin, Err: &document.ParseError{Origin: origin, Line: line,
			Element: "header", Expected: expected, Found: found}}
	}
	if he, ok := err.(*headerError); ok {
		return fail(he.line, he.expected, he.found)
	}
	if err != nil {
		return fail(first, "a readable message", err.Error())
	}
	if len(h) == 0 {
		return fail(first, "an email message", "")
	}
	if !hasMessageField(h) {
		return fail(h[0].line, "an email header such as From:, Date: or Subject:", h[0].name+":")
	}
	ct, _ := h.get("content-type")
	e := entity{contentType: ct}
	e.encoding, _ = h.get("content-transfer-encoding")
	e.disposition, _ = h.get("content-disposition")
	in := letter(h)
	in.Source = origin
	in.Body = body(e, io.MultiReader(bytes.NewReader(rest), br))
	return document.Item{Letter: in, Origin: origin}
}
