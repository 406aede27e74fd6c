package cmif

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"github.com/lettergraph/lettergraph/internal/ingest/document"
)

// Limits that keep memory bounded whatever the input. encoding/xml holds one token
// (a run of text, a tag with its attributes, a comment, a DOCTYPE) whole in memory,
// so a token is the unit to bound; a letter's body is at most domain.MaxBody anyway.
const (
	maxToken    = 2 << 20 // bytes read for one XML token
	maxOpenTags = 8 << 20 // bytes of the start tags of the open elements
	maxLetter   = 4 << 20 // bytes of one correspDesc
	maxDepth    = 256     // element nesting
	maxBibls    = 1000    // sourceDesc bibl elements remembered for @source
	maxChildIdx = 32      // distinct child names per element counted for paths
)

// errTokenTooLarge is returned by budgetReader when one token exceeds maxToken.
var errTokenTooLarge = errors.New("xml token too large")

// budgetReader lets the decoder read at most maxToken bytes between two resets; the
// parser resets it before every token. It also remembers a read error of the source,
// so that an I/O failure is returned as such and not dressed up as bad XML.
type budgetReader struct {
	r   *bufio.Reader
	n   int
	err error
}

func (b *budgetReader) reset() { b.n = 0 }

func (b *budgetReader) ReadByte() (byte, error) {
	if b.n >= maxToken {
		return 0, errTokenTooLarge
	}
	c, err := b.r.ReadByte()
	if err != nil && err != io.EOF {
		b.err = err
	}
	b.n++
	return c, err
}

func (b *budgetReader) Read(p []byte) (int, error) {
	if b.n >= maxToken {
		return 0, errTokenTooLarge
	}
	if len(p) > maxToken-b.n {
		p = p[:maxToken-b.n]
	}
	n, err := b.r.Read(p)
	if err != nil && err != io.EOF {
		b.err = err
	}
	b.n += n
	return n, err
}

// newSource prepares r for the decoder: a UTF-8 byte order mark is dropped, and a
// UTF-16 file (which starts with a byte order mark) is transcoded to UTF-8, since
// encoding/xml reads only UTF-8 and ASCII-compatible encodings. utf16 reports the
// latter, so that the declaration's encoding="UTF-16" is then accepted as is.
func newSource(r io.Reader) (src *budgetReader, utf16 bool) {
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(3)
	switch {
	case bytes.HasPrefix(head, []byte("\xef\xbb\xbf")):
		_, _ = br.Discard(3)
	case bytes.HasPrefix(head, []byte("\xfe\xff")), bytes.HasPrefix(head, []byte("\xff\xfe")):
		dec := unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder()
		br = bufio.NewReaderSize(transform.NewReader(br, dec), 64<<10)
		utf16 = true
	}
	return &budgetReader{r: br}, utf16
}

// charsetReader returns the decoder's CharsetReader: declared encodings are read
// with golang.org/x/text (by their WHATWG labels, so ISO-8859-1 reads as
// windows-1252, its superset).
func charsetReader(utf16 bool) func(string, io.Reader) (io.Reader, error) {
	return func(label string, input io.Reader) (io.Reader, error) {
		if strings.HasPrefix(strings.ToLower(label), "utf-16") {
			if utf16 {
				return input, nil
			}
			return nil, fmt.Errorf("UTF-16 without a byte order mark")
		}
		enc, err := htmlindex.Get(label)
		if err != nil {
			return nil, err
		}
		return transform.NewReader(input, enc.NewDecoder()), nil
	}
}

// frame is one open element: its local name, its position among same-named siblings
// (1-based; 0 when not counted), the counts of its children so far, and the size of
// its start tag.
type frame struct {
	name     string
	index    int
	children map[string]int
	size     int64
}

// next returns the next token, keeping the element stack that error paths are made
// from. Every failure is a *document.ParseError, except the source's own read errors
// (returned as they are) and io.EOF after the last token.
func (p *parser) next() (xml.Token, error) {
	p.src.reset()
	start := p.dec.InputOffset()
	tok, err := p.dec.Token()
	if err != nil {
		return nil, p.tokenError(err)
	}
	switch t := tok.(type) {
	case xml.StartElement:
		if len(p.stack) >= maxDepth {
			return nil, p.fatal(fmt.Sprintf("elements nested at most %d deep", maxDepth), "<"+t.Name.Local+">")
		}
		// The decoder keeps the namespace declarations of every open element.
		size := p.dec.InputOffset() - start
		if p.openTags+size > maxOpenTags {
			return nil, p.fatal(fmt.Sprintf("open elements whose start tags take at most %d bytes", maxOpenTags), "<"+t.Name.Local+">")
		}
		p.openTags += size
		p.push(t.Name.Local, size)
	case xml.EndElement:
		p.openTags -= p.stack[len(p.stack)-1].size
		p.stack = p.stack[:len(p.stack)-1]
	case xml.Directive:
		// encoding/xml never expands entities, and strict mode rejects references to
		// undeclared ones; refusing the declarations says plainly why such a file
		// (a "billion laughs" bomb, an external entity) is not read.
		if bytes.Contains(bytes.ToUpper(t), []byte("<!ENTITY")) {
			return nil, p.fatal("no entity declarations (DTD entities are not expanded)", "<!ENTITY")
		}
	}
	return tok, nil
}

func (p *parser) push(name string, size int64) {
	idx := 0
	if n := len(p.stack); n > 0 {
		parent := &p.stack[n-1]
		if parent.children == nil {
			parent.children = map[string]int{}
		}
		// Counting is capped so that an element with endless distinct child names
		// cannot grow the map; such children simply get no index in paths.
		if c, ok := parent.children[name]; ok || len(parent.children) < maxChildIdx {
			idx = c + 1
			parent.children[name] = idx
		}
	}
	p.stack = append(p.stack, frame{name: name, index: idx, size: size})
}

// walk reads the content of the element just opened, up to and including its end
// tag. For each descendant element it calls enter (if not nil): when enter reports
// that it consumed the element, walk goes on after it; otherwise walk descends into
// it. Character data of the elements walked through goes to text (if not nil).
func (p *parser) walk(enter func(xml.StartElement) (bool, error), text func([]byte)) error {
	depth := len(p.stack)
	for {
		tok, err := p.next()
		if err == io.EOF {
			// Strict mode reports an early end as a syntax error; this is a fallback.
			return p.fatal("the rest of the document", "the end of the file")
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if enter != nil {
				consumed, err := enter(t)
				if err != nil {
					return err
				}
				if consumed {
					continue
				}
			}
		case xml.EndElement:
			if len(p.stack) < depth {
				return nil
			}
		case xml.CharData:
			if text != nil {
				text(t)
			}
		}
	}
}

// skip reads past the element just opened.
func (p *parser) skip() error { return p.walk(nil, nil) }

// path renders the open elements as "TEI/teiHeader/profileDesc/correspDesc[3]": an
// index where there is more than one such sibling so far, and always for the
// elements a letter is made of.
func (p *parser) path() string {
	var b strings.Builder
	for i, f := range p.stack {
		if i > 0 {
			b.WriteByte('/')
		}
		b.WriteString(f.name)
		if f.index > 1 || (f.index == 1 && (f.name == "correspDesc" || f.name == "correspAction")) {
			fmt.Fprintf(&b, "[%d]", f.index)
		}
	}
	return b.String()
}

func (p *parser) line() int {
	line, _ := p.dec.InputPos()
	return line
}

// fatal is an error that ends the source, at the current element.
func (p *parser) fatal(expected, found string) *document.ParseError {
	return &document.ParseError{Origin: p.origin, Line: p.line(), Element: p.path(), Expected: expected, Found: found}
}

// tokenError turns a decoder error into a *document.ParseError (or passes on io.EOF
// and the source's read errors).
func (p *parser) tokenError(err error) error {
	var syn *xml.SyntaxError
	switch {
	case err == io.EOF:
		return io.EOF
	case errors.Is(err, errTokenTooLarge):
		return p.fatal(fmt.Sprintf("an XML token (text, tag, comment, DOCTYPE) of at most %d bytes", maxToken), "a longer one")
	case p.src.err != nil && errors.Is(err, p.src.err):
		return err
	case errors.As(err, &syn) && syn.Msg == "unexpected EOF":
		e := p.fatal("the rest of the document", "the end of the file")
		if n := len(p.stack); n > 0 {
			e.Expected = "the end tag </" + p.stack[n-1].name + ">"
		}
		e.Line = syn.Line
		return e
	case errors.As(err, &syn):
		e := p.fatal("well-formed XML", syn.Msg)
		e.Line = syn.Line
		return e
	case strings.Contains(err.Error(), "charset"):
		return p.fatal("UTF-8, UTF-16 or another encoding with a standard label", err.Error())
	}
	return p.fatal("well-formed XML", err.Error())
}

// attr returns the value of the attribute local (in no namespace, or in the xml
// namespace for "id" and "lang").
func attr(el xml.StartElement, local string) string {
	for _, a := range el.Attr {
		if a.Name.Local != local {
			continue
		}
		switch a.Name.Space {
		case "":
			if local != "id" && local != "lang" {
				return a.Value
			}
		case xmlNS, "xml":
			if local == "id" || local == "lang" {
				return a.Value
			}
		}
	}
	return ""
}

const xmlNS = "http://www.w3.org/XML/1998/namespace"

// is reports whether name is the TEI element local. Elements in no namespace count
// too: files made by hand often lack the xmlns, and other vocabularies do not use
// these names at the places they are looked for.
func is(name xml.Name, local string) bool {
	return name.Local == local && (name.Space == teiNS || name.Space == "")
}
