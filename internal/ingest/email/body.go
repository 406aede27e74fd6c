package email

import (
	"bufio"
	"encoding/base64"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"strings"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// Limits of the body search. Parts are streamed, never held: only the text chosen as
// the body is read into memory, so an attachment of any size costs nothing but time.
const (
	maxDepth = 16                 // nesting of multipart entities
	maxParts = 1000               // parts looked at in one message
	maxText  = domain.MaxBody + 1 // bytes of a text/plain part read; one more than a body holds, to see a cut
	maxHTML  = 8 << 20            // bytes of a text/html part read; its tags are stripped after
	qpLine   = 256 << 10          // longest quoted-printable line read (RFC 2045 says 76)
)

// entity is a MIME entity's description: its headers that matter here.
type entity struct {
	contentType string // "" is text/plain; charset=us-ascii (RFC 2045 §5.2)
	encoding    string // Content-Transfer-Encoding
	disposition string // Content-Disposition
}

// bodySearch finds the text of a message: the first text/plain entity that is not an
// attachment, depth first, else the first text/html one with its tags stripped.
type bodySearch struct {
	html     string
	htmlSeen bool
	parts    int
}

// body returns the text of the message whose top-level entity is e, with content r.
// Malformed MIME is not an error: what was found before it counts, and a message
// whose text cannot be found has an empty body.
func body(e entity, r io.Reader) string {
	s := &bodySearch{}
	text, ok := s.search(e, r, "text/plain", 0)
	if !ok {
		text = s.html
	}
	return strings.TrimSpace(truncateBytes(text, domain.MaxBody))
}

// search looks for the body in entity e; defaultType is the type of an entity without
// Content-Type (message/rfc822 inside multipart/digest).
func (s *bodySearch) search(e entity, r io.Reader, defaultType string, depth int) (string, bool) {
	mt, params := mediaType(e.contentType, defaultType)
	if disp, _, _ := mime.ParseMediaType(e.disposition); disp == "attachment" {
		return "", false
	}
	switch {
	case strings.HasPrefix(mt, "multipart/"):
		boundary := params["boundary"]
		if boundary == "" || depth >= maxDepth {
			return "", false
		}
		inner := "text/plain"
		if mt == "multipart/digest" {
			inner = "message/rfc822"
		}
		mr := multipart.NewReader(decodeTransfer(e.encoding, r), boundary)
		for s.parts < maxParts {
			p, err := mr.NextRawPart()
			if err != nil {
				break
			}
			s.parts++
			pe := entity{p.Header.Get("Content-Type"), p.Header.Get("Content-Transfer-Encoding"), p.Header.Get("Content-Disposition")}
			if text, ok := s.search(pe, p, inner, depth+1); ok {
				return text, true
			}
		}
	case mt == "text/plain":
		// An empty plain part beside an HTML one is not the body.
		text := readText(decodeTransfer(e.encoding, r), params["charset"], maxText)
		return text, strings.TrimSpace(text) != ""
	case mt == "text/html" && !s.htmlSeen:
		s.htmlSeen = true
		s.html = stripHTML(readText(decodeTransfer(e.encoding, r), params["charset"], maxHTML))
	}
	return "", false
}

// mediaType parses a Content-Type value, leniently: a value mime.ParseMediaType
// refuses still gives its type and, if it can be found, its charset and boundary.
func mediaType(v, defaultType string) (string, map[string]string) {
	if strings.TrimSpace(v) == "" {
		return defaultType, map[string]string{}
	}
	mt, params, err := mime.ParseMediaType(v)
	if err == nil {
		return mt, params
	}
	parts := strings.Split(v, ";")
	mt = strings.ToLower(strings.TrimSpace(parts[0]))
	params = map[string]string{}
	for _, p := range parts[1:] {
		if k, val, ok := strings.Cut(p, "="); ok {
			params[strings.ToLower(strings.TrimSpace(k))] = strings.Trim(strings.TrimSpace(val), `"'`)
		}
	}
	return mt, params
}

// decodeTransfer undoes a Content-Transfer-Encoding; 7bit, 8bit, binary and unknown
// encodings are read as they are.
func decodeTransfer(enc string, r io.Reader) io.Reader {
	switch strings.ToLower(strings.TrimSpace(enc)) {
	case "quoted-printable":
		// quotedprintable reuses a large enough bufio.Reader, so long lines from
		// careless encoders do not end the text early.
		return quotedprintable.NewReader(bufio.NewReaderSize(r, qpLine))
	case "base64":
		return base64.NewDecoder(base64.StdEncoding, base64Filter{r})
	}
	return r
}

// base64Filter passes on only the bytes of the base64 alphabet, so white space and
// stray characters in an encoded part do not stop the decoder.
type base64Filter struct{ r io.Reader }

func (f base64Filter) Read(p []byte) (int, error) {
	for {
		n, err := f.r.Read(p)
		k := 0
		for _, c := range p[:n] {
			if c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/' || c == '=' {
				p[k] = c
				k++
			}
		}
		if k > 0 || err != nil {
			return k, err
		}
	}
}

// readText reads at most limit bytes of r (what a broken encoding yields before it
// breaks included) and returns them as UTF-8 with LF line ends.
func readText(r io.Reader, charset string, limit int64) string {
	b, _ := io.ReadAll(io.LimitReader(r, limit))
	return normalizeNewlines(decodeCharset(b, charset))
}
