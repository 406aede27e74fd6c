package cmif

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// lineText collects the text of an element for a one-line field (a name, a date as
// written, a citation): runs of white space become one space, and at most limit bytes
// are kept (over reports that there was more).
type lineText struct {
	b     strings.Builder
	space bool
	over  bool
	limit int
}

// newLineText returns a collector for one-line fields: generous enough that a field
// over domain.MaxShortText characters is seen to be too long, not cut to fit.
func newLineText() *lineText { return &lineText{limit: 4*domain.MaxShortText + 4} }

func (t *lineText) add(data []byte) {
	for len(data) > 0 && !t.over {
		r, size := utf8.DecodeRune(data)
		data = data[size:]
		if unicode.IsSpace(r) {
			t.space = t.b.Len() > 0
			continue
		}
		if t.space && !strings.ContainsRune(",،.;)", r) {
			t.b.WriteByte(' ')
		}
		t.space = false
		if t.b.Len()+size > t.limit {
			t.over = true
			return
		}
		t.b.WriteRune(r)
	}
}

// gap marks an element boundary inside a name: <forename>Johann</forename><surname>
// Goethe</surname> reads "Johann Goethe", not "JohannGoethe".
func (t *lineText) gap() { t.space = t.b.Len() > 0 }

func (t *lineText) String() string { return t.b.String() }

// tooLong reports whether the text is longer than a one-line field may be.
func (t *lineText) tooLong() bool {
	return t.over || utf8.RuneCountInString(t.b.String()) > domain.MaxShortText
}

// bodyText collects the text of text/body: each block (paragraph, opener, closer …)
// is a paragraph, separated from the next by a blank line; <lb/> and verse lines break
// the line; other runs of white space become one space. At most domain.MaxBody bytes
// are kept (over reports that there was more).
type bodyText struct {
	b      strings.Builder
	line   bool // text written on the current line
	space  bool // a space is due before the next text
	breaks int  // line breaks due before the next text: 1 or 2
	over   bool
}

func (t *bodyText) add(data []byte) {
	for len(data) > 0 && !t.over {
		r, size := utf8.DecodeRune(data)
		data = data[size:]
		if unicode.IsSpace(r) {
			t.space = t.line
			continue
		}
		var prefix string
		switch {
		case t.breaks > 0 && t.b.Len() > 0:
			prefix = strings.Repeat("\n", t.breaks)
		case t.space:
			prefix = " "
		}
		if t.b.Len()+len(prefix)+size > domain.MaxBody {
			t.over = true
			return
		}
		t.b.WriteString(prefix)
		t.b.WriteRune(r)
		t.breaks, t.space, t.line = 0, false, true
	}
}

// lineBreak ends the current line.
func (t *bodyText) lineBreak() {
	if t.line {
		t.breaks = max(t.breaks, 1)
	}
	t.space, t.line = false, false
}

// paragraph ends the current paragraph.
func (t *bodyText) paragraph() {
	if t.b.Len() > 0 {
		t.breaks = 2
	}
	t.space, t.line = false, false
}

func (t *bodyText) String() string { return t.b.String() }
