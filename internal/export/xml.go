package export

import (
	"encoding/xml"
	"io"
	"strings"
	"time"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// xmlOut writes an XML document element by element (encoding/xml's token encoder,
// which escapes text and attributes and replaces characters XML cannot hold). The
// first error sticks: later calls do nothing, and close returns it.
type xmlOut struct {
	w    io.Writer
	enc  *xml.Encoder
	open []string
	err  error
}

// newXML starts a document on w with the XML declaration and the prologue given
// (processing instructions, fixed text of the caller's), each on a line of its own.
func newXML(w io.Writer, prologue ...string) *xmlOut {
	x := &xmlOut{w: w, enc: xml.NewEncoder(w)}
	head := xml.Header // ends with a newline
	for _, p := range prologue {
		head += p + "\n"
	}
	_, x.err = io.WriteString(w, head)
	x.enc.Indent("", " ")
	return x
}

func (x *xmlOut) token(t xml.Token) {
	if x.err == nil {
		x.err = x.enc.EncodeToken(t)
	}
}

// start opens element name with attributes given as name, value pairs; a pair with
// an empty value is left out.
func (x *xmlOut) start(name string, attrs ...string) {
	el := xml.StartElement{Name: xml.Name{Local: name}}
	for i := 0; i+1 < len(attrs); i += 2 {
		if attrs[i+1] != "" {
			el.Attr = append(el.Attr, xml.Attr{Name: xml.Name{Local: attrs[i]}, Value: attrs[i+1]})
		}
	}
	x.open = append(x.open, name)
	x.token(el)
}

// end closes the element opened last.
func (x *xmlOut) end() {
	name := x.open[len(x.open)-1]
	x.open = x.open[:len(x.open)-1]
	x.token(xml.EndElement{Name: xml.Name{Local: name}})
}

// text writes character data.
func (x *xmlOut) text(s string) {
	if s != "" {
		x.token(xml.CharData(s))
	}
}

// leaf writes an element holding only text.
func (x *xmlOut) leaf(name, text string, attrs ...string) {
	x.start(name, attrs...)
	x.text(text)
	x.end()
}

// close closes what is open, ends the last line, and returns the first error.
func (x *xmlOut) close() error {
	for len(x.open) > 0 {
		x.end()
	}
	if x.err == nil {
		x.err = x.enc.Close()
	}
	if x.err == nil {
		_, x.err = io.WriteString(x.w, "\n")
	}
	return x.err
}

// kindOf names a correspondent's kind as the API does.
func kindOf(c domain.Correspondent) string {
	switch c.NodeLabel() {
	case domain.LabelPerson:
		return "PERSON"
	case domain.LabelOrganisation:
		return "ORGANISATION"
	case domain.LabelOffice:
		return "OFFICE"
	}
	return ""
}

// organisationOf is the name of an office's organisation, "" for anything else.
func organisationOf(c domain.Correspondent) string {
	if o, ok := c.(*domain.Office); ok && o.Organisation != nil {
		return o.Organisation.Name
	}
	return ""
}

// day writes a date as YYYY-MM-DD, "" for none.
func day(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.Format(time.DateOnly)
}

// token is s as an xsd:token: white space folded to single spaces, none at the ends.
func token(s string) string { return strings.Join(strings.Fields(s), " ") }
