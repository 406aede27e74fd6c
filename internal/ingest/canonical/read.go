package canonical

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/lettergraph/lettergraph/internal/ingest/document"
)

// maxLine bounds one NDJSON line (one document): a body is at most 1 MiB, and its JSON
// escaping can double it.
const maxLine = 4 << 20

// Read reads canonical documents from r: one JSON object, a JSON array of them, or
// NDJSON (one object a line; blank lines ignored). In NDJSON a bad line is reported as
// a failed item and the next line is read; in the other forms a syntax error ends the
// source. origin names r in items and errors.
func Read(r io.Reader, origin string, yield document.Yield) error {
	br := bufio.NewReaderSize(r, 64<<10)
	first, err := firstByte(br)
	if err == io.EOF {
		return nil
	}
	if err != nil {
		return err
	}
	if first == '[' {
		return readArray(br, origin, yield)
	}
	return readLines(br, origin, yield)
}

func firstByte(br *bufio.Reader) (byte, error) {
	for {
		b, err := br.Peek(1)
		if err != nil {
			return 0, err
		}
		switch b[0] {
		case ' ', '\t', '\r', '\n', 0xEF, 0xBB, 0xBF: // white space, a UTF-8 byte order mark
			_, _ = br.ReadByte()
		default:
			return b[0], nil
		}
	}
}

// readLines reads NDJSON; a document that spans lines (pretty-printed JSON) is read
// whole by accumulating lines until they form a value.
func readLines(br *bufio.Reader, origin string, yield document.Yield) error {
	line, start := 0, 0
	var buf bytes.Buffer
	for {
		chunk, err := br.ReadSlice('\n')
		if errors.Is(err, bufio.ErrBufferFull) {
			if buf.Len()+len(chunk) > maxLine {
				return &document.ParseError{Origin: origin, Line: line + 1, Expected: fmt.Sprintf("a document of at most %d bytes", maxLine)}
			}
			buf.Write(chunk)
			continue
		}
		if len(chunk) > 0 {
			line++
			if buf.Len() > 0 && chunk[0] == '{' {
				// A line that opens a new object while the last one is unfinished: the
				// last one was a broken NDJSON line. Report it rather than swallow
				// every line after it.
				if yerr := yield(decodeOne(bytes.TrimSpace(buf.Bytes()), fmt.Sprintf("%s:%d", origin, start))); yerr != nil {
					return yerr
				}
				buf.Reset()
			}
			if buf.Len() == 0 {
				start = line
			}
			buf.Write(chunk)
		}
		if err != nil && err != io.EOF {
			return err
		}
		trimmed := bytes.TrimSpace(buf.Bytes())
		switch {
		case len(trimmed) == 0:
			buf.Reset()
		case json.Valid(trimmed) || err == io.EOF:
			if yerr := yield(decodeOne(trimmed, fmt.Sprintf("%s:%d", origin, start))); yerr != nil {
				return yerr
			}
			buf.Reset()
		case buf.Len() > maxLine:
			return &document.ParseError{Origin: origin, Line: start, Expected: fmt.Sprintf("a document of at most %d bytes", maxLine)}
		}
		if err == io.EOF {
			return nil
		}
	}
}

// readArray reads a JSON array of documents.
func readArray(br *bufio.Reader, origin string, yield document.Yield) error {
	dec := json.NewDecoder(br)
	if _, err := dec.Token(); err != nil {
		return syntaxError(origin, err)
	}
	for i := 1; dec.More(); i++ {
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return syntaxError(origin, err)
		}
		if err := yield(decodeOne(raw, fmt.Sprintf("%s#%d", origin, i))); err != nil {
			return err
		}
	}
	if _, err := dec.Token(); err != nil {
		return syntaxError(origin, err)
	}
	return nil
}

func syntaxError(origin string, err error) error {
	return &document.ParseError{Origin: origin, Expected: "a JSON array of documents", Found: err.Error()}
}

// decodeOne decodes one document strictly: an unknown field is an error naming it, so
// a misspelt "recipents" is not silently dropped.
func decodeOne(raw []byte, origin string) document.Item {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	var d Document
	if err := dec.Decode(&d); err != nil {
		return document.Item{Origin: origin, Err: &document.ParseError{Origin: origin,
			Expected: "a canonical document (docs/canonical-json.md)", Found: err.Error()}}
	}
	in, err := d.ToInput("document")
	if err != nil {
		return document.Item{Origin: origin, Err: err}
	}
	if in.SourceFormat == "" {
		in.SourceFormat = "JSON"
	}
	return document.Item{Letter: in, Origin: origin}
}

// Write writes in as one NDJSON line.
func Write(w io.Writer, d Document) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(d)
}
