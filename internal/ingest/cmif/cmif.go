package cmif

import (
	"encoding/xml"
	"io"
	"strings"

	"golang.org/x/text/language"

	"github.com/lettergraph/lettergraph/internal/domain"
	"github.com/lettergraph/lettergraph/internal/ingest/document"
)

// teiNS is the TEI namespace.
const teiNS = "http://www.tei-c.org/ns/1.0"

// parser reads one source.
type parser struct {
	dec      *xml.Decoder
	src      *budgetReader
	origin   string
	yield    document.Yield
	stack    []frame
	openTags int64             // bytes of the start tags in stack
	bibls    map[string]string // sourceDesc bibl xml:id → citation
	letters  int               // correspDesc elements read so far
	stopped  bool              // yield returned an error: yield nothing more
}

// emit passes an item to yield.
func (p *parser) emit(it document.Item) error {
	err := p.yield(it)
	p.stopped = err != nil
	return err
}

// teiDoc is the state of one TEI element (the root, or one in a teiCorpus).
type teiDoc struct {
	letters int
	// pending is the last letter read, held back while it may still get a body: a
	// TEI document with exactly one correspDesc is a letter whose text is text/body.
	pending      *document.Item
	awaitingBody bool
	title        string // fileDesc/titleStmt/title: a plain TEI letter's title
	langs        []string
	body         bodyText
	bodyPath     string
	bodyLine     int
}

// Parse reads the letters of a TEI/CMIF document from r and passes each to yield, in
// order, with Origin "origin#n" for the n-th correspDesc. A correspDesc that cannot
// be read (no sent or received action, an unknown correspAction type, a date that is
// no date, a name given only by @ref …) is yielded as an item whose Err is a
// *document.ParseError naming the element, and parsing goes on.
//
// Parse returns a *document.ParseError (with the line and element path) when the
// document as a whole cannot be read: malformed XML, a root other than TEI or
// teiCorpus, entity declarations, limits exceeded, or no correspDesc at all. Letters
// read before such an error have been yielded already, except a plain TEI letter
// whose body was being read. It returns yield's error unchanged, and read errors of r.
func Parse(r io.Reader, origin string, yield document.Yield) error {
	src, utf16 := newSource(r)
	dec := xml.NewDecoder(src)
	dec.Strict = true
	dec.CharsetReader = charsetReader(utf16)
	p := &parser{dec: dec, src: src, origin: origin, yield: yield, bibls: map[string]string{}}
	return p.run()
}

func (p *parser) run() error {
	root, err := p.root()
	if err != nil {
		return err
	}
	if !is(root.Name, "TEI") && !is(root.Name, "teiCorpus") {
		return p.fatal(`the root element <TEI xmlns="`+teiNS+`">`, "<"+root.Name.Local+">")
	}
	if err := p.readTEI(root); err != nil {
		return err
	}
	for {
		tok, err := p.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		if _, ok := tok.(xml.StartElement); ok || isText(tok) {
			return p.fatal("nothing after the root element", tokenName(tok))
		}
	}
	if p.letters == 0 {
		return &document.ParseError{Origin: p.origin, Element: root.Name.Local + "/teiHeader/profileDesc",
			Expected: "at least one correspDesc"}
	}
	return nil
}

// root reads up to the root element.
func (p *parser) root() (xml.StartElement, error) {
	for {
		tok, err := p.next()
		if err == io.EOF {
			return xml.StartElement{}, &document.ParseError{Origin: p.origin, Line: p.line(),
				Expected: `a TEI document (<TEI xmlns="` + teiNS + `">)`, Found: "no element"}
		}
		if err != nil {
			return xml.StartElement{}, err
		}
		if el, ok := tok.(xml.StartElement); ok {
			return el, nil
		}
		if isText(tok) {
			return xml.StartElement{}, p.fatal(`a TEI document (<TEI xmlns="`+teiNS+`">)`, tokenName(tok))
		}
	}
}

// isText reports character data other than white space (and a byte order mark).
func isText(tok xml.Token) bool {
	data, ok := tok.(xml.CharData)
	return ok && strings.Trim(string(data), " \t\r\n\ufeff") != ""
}

func tokenName(tok xml.Token) string {
	if el, ok := tok.(xml.StartElement); ok {
		return "<" + el.Name.Local + ">"
	}
	return truncate(strings.TrimSpace(string(tok.(xml.CharData))), 40)
}

// readTEI reads a TEI (or teiCorpus) element just opened.
func (p *parser) readTEI(el xml.StartElement) error {
	d := &teiDoc{}
	if l := attr(el, "lang"); l != "" {
		d.langs = append(d.langs, l)
	}
	err := p.walk(func(c xml.StartElement) (bool, error) {
		switch {
		case is(c.Name, "teiHeader"):
			return true, p.readHeader(d)
		case is(c.Name, "text") && d.awaitingBody:
			return true, p.readText(d, c)
		case is(c.Name, "TEI"), is(c.Name, "teiCorpus"):
			return true, p.readTEI(c)
		}
		return true, p.skip()
	}, nil)
	if err != nil {
		// What was read is kept, but not a letter whose body was cut short.
		if d.pending != nil && !d.awaitingBody && !p.stopped {
			if yerr := p.emit(*d.pending); yerr != nil {
				return yerr
			}
		}
		return err
	}
	return p.flush(d)
}

// readHeader reads a teiHeader: the bibls that @source points at, the title, and the
// correspDesc elements. Each letter is yielded when the next one is read, or at the
// end of the TEI element when it is the only one (it may get a body).
func (p *parser) readHeader(d *teiDoc) error {
	err := p.walk(func(c xml.StartElement) (bool, error) {
		switch {
		case is(c.Name, "correspDesc"):
			it, err := p.readCorrespDesc(c)
			if err != nil {
				return true, err
			}
			d.letters++
			if d.pending != nil {
				if err := p.emit(*d.pending); err != nil {
					return true, err
				}
			}
			d.pending = &it
			return true, nil
		case is(c.Name, "bibl") && attr(c, "id") != "" && len(p.bibls) < maxBibls:
			id := attr(c, "id")
			t, err := p.readName()
			p.bibls[id] = truncate(t.String(), domain.MaxShortText)
			return true, err
		case is(c.Name, "title") && p.parent() == "titleStmt" && d.title == "":
			t, err := p.readName()
			d.title = truncate(t.String(), domain.MaxShortText)
			return true, err
		case is(c.Name, "language") && p.parent() == "langUsage":
			if l := attr(c, "ident"); l != "" && len(d.langs) < 8 {
				d.langs = append(d.langs, l)
			}
		}
		return false, nil
	}, nil)
	if err != nil {
		return err
	}
	if d.letters == 1 {
		d.awaitingBody = true
		return nil
	}
	if d.pending != nil {
		it := *d.pending
		d.pending = nil
		return p.emit(it)
	}
	return nil
}

// parent returns the name of the element around the one just opened.
func (p *parser) parent() string {
	if n := len(p.stack); n >= 2 {
		return p.stack[n-2].name
	}
	return ""
}

// readText reads a text element: the first body in it is the letter's text.
func (p *parser) readText(d *teiDoc, el xml.StartElement) error {
	if l := attr(el, "lang"); l != "" {
		d.langs = append([]string{l}, d.langs...)
	}
	done := false
	return p.walk(func(c xml.StartElement) (bool, error) {
		if !is(c.Name, "body") || done {
			return true, p.skip()
		}
		done = true
		d.bodyPath, d.bodyLine = p.path(), p.line()
		return true, p.readBody(&d.body)
	}, nil)
}

// Elements of a body that are paragraphs of their own, and that are lines.
var (
	blocks = map[string]bool{"p": true, "ab": true, "head": true, "opener": true, "closer": true,
		"salute": true, "dateline": true, "signed": true, "postscript": true, "div": true, "lg": true,
		"list": true, "item": true, "table": true, "row": true, "address": true, "trailer": true, "byline": true}
	lines = map[string]bool{"l": true, "addrLine": true}
	// Left out of the text: editorial notes, running heads, and in a <choice> the
	// original of what the edition corrected, regularised or expanded.
	omitted    = map[string]bool{"note": true, "fw": true, "figDesc": true}
	choiceAlts = map[string]bool{"sic": true, "orig": true, "abbr": true}
)

// readBody reads the body just opened into t.
func (p *parser) readBody(t *bodyText) error {
	var visit func(c xml.StartElement) (bool, error)
	visit = func(c xml.StartElement) (bool, error) {
		name := c.Name.Local
		switch {
		case omitted[name], choiceAlts[name] && p.parent() == "choice":
			return true, p.skip()
		case name == "lb":
			t.lineBreak()
		case lines[name]:
			t.lineBreak()
			err := p.walk(visit, t.add)
			t.lineBreak()
			return true, err
		case blocks[name]:
			t.paragraph()
			err := p.walk(visit, t.add)
			t.paragraph()
			return true, err
		}
		return false, nil
	}
	return p.walk(visit, t.add)
}

// flush yields the letter held back, with its body when it is a plain TEI letter: the
// body, the header's title instead of the made-up one, and the document's language.
func (p *parser) flush(d *teiDoc) error {
	if d.pending == nil {
		return nil
	}
	it := *d.pending
	d.pending = nil
	switch {
	case it.Err != nil || !d.awaitingBody:
	case d.body.over:
		it = document.Item{Origin: it.Origin, Err: &document.ParseError{Origin: it.Origin, Line: d.bodyLine,
			Element: d.bodyPath, Expected: "a body of at most 1 MiB", Found: "a longer one"}}
	case d.body.String() != "":
		it.Letter.Body = d.body.String()
		if d.title != "" {
			it.Letter.Title = d.title
		}
		if it.Letter.Language == "" {
			it.Letter.Language = firstLanguage(d.langs)
		}
	}
	return p.emit(it)
}

// firstLanguage returns the first of the tags that is a BCP 47 language tag.
func firstLanguage(tags []string) string {
	for _, l := range tags {
		if _, err := language.Parse(l); err == nil {
			return l
		}
	}
	return ""
}
