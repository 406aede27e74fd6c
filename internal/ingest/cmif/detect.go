package cmif

import (
	"bytes"
	"encoding/xml"
	"io"

	"golang.org/x/text/encoding/unicode"
)

// LooksLikeCMIF reports whether head, the first few KB of a source, is the start of
// an XML document whose root element is TEI or teiCorpus in the TEI namespace, or
// that has a correspDesc element in the TEI namespace within head. A UTF-8 or UTF-16
// byte order mark is allowed; the rest of the file is not looked at, so a cut-off
// head is no reason to say no.
func LooksLikeCMIF(head []byte) bool {
	switch {
	case bytes.HasPrefix(head, []byte("\xfe\xff")), bytes.HasPrefix(head, []byte("\xff\xfe")):
		dec := unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder()
		utf8Head, err := dec.Bytes(head[:len(head)&^1])
		if err != nil {
			return false
		}
		head = utf8Head
	default:
		head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	}
	if trimmed := bytes.TrimLeft(head, " \t\r\n"); len(trimmed) == 0 || trimmed[0] != '<' {
		return false
	}
	dec := xml.NewDecoder(bytes.NewReader(head))
	// Only markup is looked at, so any declared encoding reads well enough as is.
	dec.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	root := true
	for {
		tok, err := dec.Token()
		if err != nil {
			return false
		}
		el, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if root && el.Name.Space == teiNS && (el.Name.Local == "TEI" || el.Name.Local == "teiCorpus") {
			return true
		}
		if el.Name.Space == teiNS && el.Name.Local == "correspDesc" {
			return true
		}
		root = false
	}
}
