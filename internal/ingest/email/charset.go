package email

import (
	"bytes"
	"io"
	"mime"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
)

// lookupEncoding returns the decoder for a MIME charset name, or nil for UTF-8, ASCII
// and names it does not know. The WHATWG index (htmlindex) is what browsers use, so it
// knows the labels real mail carries ("cp1256", "latin1", "koi8-r", "gb2312", …) and
// reads ISO-8859-1 as its superset windows-1252, as mail clients do.
func lookupEncoding(charset string) encoding.Encoding {
	cs := strings.ToLower(strings.Trim(strings.TrimSpace(charset), `"'`))
	switch cs {
	case "", "utf-8", "utf8", "us-ascii", "ascii":
		return nil
	}
	enc, err := htmlindex.Get(cs)
	if err != nil {
		return nil
	}
	return enc
}

// decodeCharset returns b as UTF-8. Undeclared or unknown charsets are read as UTF-8
// when b is valid UTF-8 and as windows-1252 otherwise: 8-bit mail without a charset is
// most often Latin-1, and this keeps every byte readable. The result is always valid
// UTF-8.
func decodeCharset(b []byte, charset string) string {
	if isUTF8(charset) {
		// Declared UTF-8 with a stray bad byte is still UTF-8 everywhere else.
		return strings.ToValidUTF8(string(b), "\uFFFD")
	}
	if enc := lookupEncoding(charset); enc != nil {
		if out, err := enc.NewDecoder().Bytes(b); err == nil {
			return strings.ToValidUTF8(string(out), "\uFFFD")
		}
	}
	if utf8.Valid(b) {
		return string(b)
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(b)
	if err != nil { // windows-1252 maps every byte; kept for safety
		return strings.ToValidUTF8(string(b), "\uFFFD")
	}
	return string(out)
}

// charsetReader lets mime.WordDecoder read any charset decodeCharset reads. It never
// fails: a word in an unknown charset is still better shown than dropped, and an error
// would make net/mail reject the whole address list.
func charsetReader(charset string, input io.Reader) (io.Reader, error) {
	b, err := io.ReadAll(io.LimitReader(input, maxHeader))
	if err != nil {
		return nil, err
	}
	return strings.NewReader(decodeCharset(b, charset)), nil
}

func isUTF8(charset string) bool {
	cs := strings.ToLower(strings.Trim(strings.TrimSpace(charset), `"'`))
	return cs == "utf-8" || cs == "utf8"
}

var wordDecoder = &mime.WordDecoder{CharsetReader: charsetReader}

// decodeWords decodes RFC 2047 encoded words in a header value. A malformed word is
// kept as written (mime.WordDecoder leaves it), so a broken subject still imports.
func decodeWords(s string) string {
	if !strings.Contains(s, "=?") {
		return s
	}
	out, err := wordDecoder.DecodeHeader(s)
	if err != nil {
		return s
	}
	// A "utf-8" word may carry bytes that are not UTF-8; the decoder passes them on.
	return strings.ToValidUTF8(out, "\uFFFD")
}

// headerText turns a raw header value into UTF-8 text: raw 8-bit bytes (sent without
// RFC 2047 by many clients) are read in the message's own charset, then encoded words
// are decoded.
func headerText(raw, hint string) string {
	return decodeWords(toUTF8(raw, hint))
}

// toUTF8 reads raw header bytes: valid UTF-8 (RFC 6532) as is, anything else in the
// charset hint (the message's Content-Type charset) or windows-1252.
func toUTF8(raw, hint string) string {
	if utf8.ValidString(raw) {
		return raw
	}
	return decodeCharset([]byte(raw), hint)
}

// normalizeNewlines turns CRLF and lone CR line ends into LF and drops NUL bytes,
// which no text field should carry.
func normalizeNewlines(s string) string {
	if !strings.ContainsAny(s, "\r\x00") {
		return s
	}
	b := []byte(s)
	b = bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n"))
	b = bytes.ReplaceAll(b, []byte("\r"), []byte("\n"))
	b = bytes.ReplaceAll(b, []byte("\x00"), nil)
	return string(b)
}
