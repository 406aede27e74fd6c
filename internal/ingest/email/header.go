package email

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
)

// maxHeader bounds the header section of one message. Real headers, long Received
// chains and To lists included, stay far below it; holding more would let one message
// take unbounded memory.
const maxHeader = 4 << 20

// field is one header field, unfolded (line breaks removed, the white space that
// followed them kept) but otherwise raw: its bytes may not be UTF-8.
type field struct {
	name  string // lower case: "from", "message-id"
	value string
	line  int // where the field starts in the source
}

type header []field

// get returns the value of the first field called name.
func (h header) get(name string) (string, bool) {
	for _, f := range h {
		if f.name == name {
			return f.value, true
		}
	}
	return "", false
}

// joined returns the values of every field called name, joined by commas: address
// fields that a sloppy client repeats ("To: a" and "To: b") are read as one list.
func (h header) joined(name string) string {
	var parts []string
	for _, f := range h {
		if f.name == name {
			parts = append(parts, f.value)
		}
	}
	return strings.Join(parts, ",")
}

// headerError is why a header section could not be read.
type headerError struct {
	line     int
	expected string
	found    string
}

func (e *headerError) Error() string { return fmt.Sprintf("line %d: expected %s", e.line, e.expected) }

var errLineTooLong = errors.New("line too long")

// readHeader reads the header section of a message from br, whose first line is line
// number first of the source. It ends at a blank line, at the end of input, or at the
// first line that is neither a field nor a continuation: that line is returned as
// rest, the first line of the body (a missing blank line is a common defect). Leading
// blank lines and a leading mbox "From " line are skipped. It returns a *headerError
// when the first line is no header field or the section exceeds maxHeader, and any
// read error of br.
func readHeader(br *bufio.Reader, first int) (header, []byte, error) {
	var fields []field
	var values [][]byte // the values of fields, grown in place: appending to strings is quadratic
	done := func(rest []byte) (header, []byte, error) {
		for i := range fields {
			fields[i].value = string(values[i])
		}
		return fields, rest, nil
	}
	line, used := first-1, 0
	for {
		raw, rerr := readLine(br, maxHeader-used)
		if errors.Is(rerr, errLineTooLong) {
			return nil, nil, &headerError{line: line + 1, expected: fmt.Sprintf("a header section of at most %d MiB", maxHeader>>20)}
		}
		if rerr != nil && rerr != io.EOF {
			return nil, nil, rerr
		}
		if len(raw) == 0 {
			return done(nil)
		}
		line++
		used += len(raw)
		text := bytes.TrimRight(raw, "\r\n")
		switch {
		case len(fields) == 0 && len(bytes.TrimSpace(text)) == 0:
			// blank lines before the first field
		case len(text) == 0:
			return done(nil)
		case len(fields) == 0 && line == first && isFromLine(text):
			// an mbox separator kept at the top of a saved message
		case text[0] == ' ' || text[0] == '\t':
			if len(fields) == 0 {
				return nil, nil, notHeader(line, text)
			}
			values[len(values)-1] = append(values[len(values)-1], text...)
		default:
			name, value, ok := splitField(text)
			if !ok {
				if len(fields) == 0 {
					return nil, nil, notHeader(line, text)
				}
				return done(append([]byte(nil), raw...))
			}
			fields = append(fields, field{name: name, line: line})
			values = append(values, []byte(value))
		}
		if rerr == io.EOF {
			return done(nil)
		}
	}
}

// isFromLine: an mbox "From " line, not an obsolete "From : …" field.
func isFromLine(text []byte) bool {
	if !bytes.HasPrefix(text, []byte("From ")) {
		return false
	}
	_, _, field := splitField(text)
	return !field
}

func notHeader(line int, text []byte) *headerError {
	return &headerError{line: line, expected: `a header field such as "From: …"`, found: snippet(string(text))}
}

// snippet shortens a line for an error message.
func snippet(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if r := truncateRunes(s, 60); r != s {
		return r + "…"
	}
	return s
}

// splitField splits "Name: value". The name is printable ASCII without a colon;
// white space before the colon is obsolete syntax (RFC 5322 §4.5.3) and allowed.
func splitField(text []byte) (name, value string, ok bool) {
	colon := bytes.IndexByte(text, ':')
	if colon <= 0 {
		return "", "", false
	}
	n := bytes.TrimRight(text[:colon], " \t")
	if len(n) == 0 {
		return "", "", false
	}
	for _, c := range n {
		if c < 33 || c > 126 {
			return "", "", false
		}
	}
	return strings.ToLower(string(n)), string(text[colon+1:]), true
}

// readLine reads one line with its line end, at most limit bytes (errLineTooLong
// beyond). At the end of input it returns the last, unterminated line and io.EOF. A
// line that fits br's buffer is returned in it, valid until the next read of br.
func readLine(br *bufio.Reader, limit int) ([]byte, error) {
	chunk, err := br.ReadSlice('\n')
	if len(chunk) > limit {
		return nil, errLineTooLong
	}
	if err != bufio.ErrBufferFull {
		return chunk, err
	}
	buf := append([]byte(nil), chunk...)
	for {
		chunk, err := br.ReadSlice('\n')
		if len(buf)+len(chunk) > limit {
			return nil, errLineTooLong
		}
		buf = append(buf, chunk...)
		if err != bufio.ErrBufferFull {
			return buf, err
		}
	}
}

// messageFields are the fields of which a message has at least one: a block of
// "Key: value" lines without any of them is some other kind of document.
var messageFields = map[string]bool{
	"from": true, "sender": true, "to": true, "cc": true, "bcc": true, "date": true,
	"subject": true, "message-id": true, "in-reply-to": true, "references": true,
	"mime-version": true, "received": true, "return-path": true, "reply-to": true,
	"delivered-to": true,
}
