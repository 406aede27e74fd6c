package text

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/lettergraph/lettergraph/internal/ingest/document"
)

// maxInvalid is how many bytes that are not UTF-8 a letter may hold and still be read
// (each becomes U+FFFD): a stray byte from a copy and paste, not a file in another
// encoding.
const maxInvalid = 8

// decode turns the bytes of a text letter into a string, or says why they are no
// text letter. UTF-16 with a byte order mark (what Windows calls "Unicode") is read;
// other encodings are not guessed.
func decode(raw []byte, origin string) (string, *document.ParseError) {
	switch {
	case bytes.HasPrefix(raw, []byte{0xEF, 0xBB, 0xBF}):
		raw = raw[3:]
	case bytes.HasPrefix(raw, []byte{0xFF, 0xFE}):
		return decodeUTF16(raw[2:], false, origin)
	case bytes.HasPrefix(raw, []byte{0xFE, 0xFF}):
		return decodeUTF16(raw[2:], true, origin)
	}
	if i := bytes.IndexByte(raw, 0); i >= 0 {
		return "", &document.ParseError{Origin: origin, Line: lineOf(raw, i),
			Expected: "a text letter (UTF-8 text)", Found: "binary data (a NUL byte)"}
	}
	if !utf8.Valid(raw) {
		bad, first := 0, -1
		for i := 0; i < len(raw); {
			r, size := utf8.DecodeRune(raw[i:])
			if r == utf8.RuneError && size <= 1 {
				bad++
				if first < 0 {
					first = i
				}
			}
			i += max(size, 1)
		}
		if bad > maxInvalid {
			return "", &document.ParseError{Origin: origin, Line: lineOf(raw, first),
				Expected: "a text letter (UTF-8 text)",
				Found:    fmt.Sprintf("binary data or another encoding (%d bytes that are not UTF-8)", bad)}
		}
		raw = bytes.ToValidUTF8(raw, []byte("\uFFFD"))
	}
	s := string(raw)
	if strings.TrimSpace(strings.Trim(s, "\u200b\u200c\u200e\u200f\ufeff")) == "" {
		return "", &document.ParseError{Origin: origin, Line: 1,
			Expected: "a letter's text", Found: "an empty document"}
	}
	return s, nil
}

func decodeUTF16(raw []byte, bigEndian bool, origin string) (string, *document.ParseError) {
	if len(raw)%2 != 0 {
		return "", &document.ParseError{Origin: origin, Expected: "UTF-16 text (an even number of bytes after the byte order mark)",
			Found: fmt.Sprintf("%d bytes", len(raw))}
	}
	units := make([]uint16, len(raw)/2)
	for i := range units {
		a, b := uint16(raw[2*i]), uint16(raw[2*i+1])
		if bigEndian {
			units[i] = a<<8 | b
		} else {
			units[i] = b<<8 | a
		}
	}
	// Re-check the decoded text like UTF-8 input: NULs still mean binary data.
	return decode([]byte(string(utf16.Decode(units))), origin)
}

// lineOf returns the 1-based line of byte offset i.
func lineOf(raw []byte, i int) int { return bytes.Count(raw[:i], []byte{'\n'}) + 1 }
