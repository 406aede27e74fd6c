package cmif

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lettergraph/lettergraph/internal/ingest/document"
	"github.com/lettergraph/lettergraph/internal/ingest/ingesttest"
)

const corpus = "../../../testdata/cmif"

// parseAll parses src and returns the items, with the error Parse returned appended
// as a last item (Origin "return"): so an expected file's last entry can name the
// error that ended a source.
func parseAll(t testing.TB, src, origin string) []document.Item {
	t.Helper()
	var items []document.Item
	err := Parse(strings.NewReader(src), origin, func(it document.Item) error {
		items = append(items, it)
		return nil
	})
	if err != nil {
		items = append(items, document.Item{Origin: "return", Err: err})
	}
	return items
}

// TestCorpus reads every testdata/cmif/NAME.xml and compares it with
// NAME.expected.json.
func TestCorpus(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(corpus, "*.xml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus files in %s (%v)", corpus, err)
	}
	for _, file := range files {
		name := filepath.Base(file)
		t.Run(strings.TrimSuffix(name, ".xml"), func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			if !LooksLikeCMIF(src[:min(len(src), 8<<10)]) {
				t.Errorf("LooksLikeCMIF(%s) = false, want true", name)
			}
			items := parseAll(t, string(src), name)
			ingesttest.CompareItems(t, items, strings.TrimSuffix(file, ".xml")+".expected.json")
		})
	}
}

// Details as the parser gives them, before the normalising that the corpus comparison
// applies to both sides: the origin, aliases, authority ids as written, the source and
// the mentions.
func TestDetails(t *testing.T) {
	src, err := os.ReadFile(filepath.Join(corpus, "goethe-schiller.xml"))
	if err != nil {
		t.Fatal(err)
	}
	items := parseAll(t, string(src), "gs.xml")
	if len(items) != 9 {
		t.Fatalf("%d items, want 9", len(items))
	}
	first := items[0].Letter
	tests := []struct {
		name, got, want string
	}{
		{"origin", items[0].Origin, "gs.xml#1"},
		{"alias", strings.Join(first.Authors[0].Person.Aliases, "|"), "Goethe, Johann Wolfgang von"},
		{"place authority", strings.Join(first.WrittenAt.AuthorityIDs, " "), "http://www.geonames.org/2812482"},
		{"source from @ref", first.Source, "https://briefwechsel.example.org/brief/1"},
		{"mentioned person", first.Mentions[0].Party.Person.Name, "Wilhelm von Humboldt"},
		{"mentioned person id", strings.Join(first.Mentions[0].Party.Person.AuthorityIDs, " "), "http://d-nb.info/gnd/118554727"},
		{"mentioned place", first.Mentions[1].Place.Name, "Jena"},
		{"organisation", items[2].Letter.Recipients[0].Organisation.Name, "J. G. Cotta'sche Buchhandlung"},
		{"source from bibl", items[6].Letter.Source, "Louis Ménard: Lettres choisies. Paris 1900, n° 42."},
		{"persian alias", strings.Join(items[6].Letter.Recipients[0].Person.Aliases, "|"), "اسدآبادی، جمال‌الدین"},
		{"origin of 7th", items[6].Origin, "gs.xml#7"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s = %q, want %q", tt.name, tt.got, tt.want)
		}
	}
}

// wrap puts correspDesc elements (or anything) into a CMIF document.
func wrap(profile string) string {
	return `<?xml version="1.0"?><TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc>` +
		`<titleStmt><title>T</title></titleStmt><sourceDesc><bibl xml:id="b">Cited edition</bibl></sourceDesc>` +
		`</fileDesc><profileDesc>` + profile + `</profileDesc></teiHeader><text><body><p/></body></text></TEI>`
}

const simple = `<correspDesc ref="http://x.example/1"><correspAction type="sent"><persName>A</persName>` +
	`</correspAction><correspAction type="received"><persName>B</persName></correspAction></correspDesc>`

// summary renders items as "title" or "error: …" for the table tests.
func summary(items []document.Item) []string {
	var out []string
	for _, it := range items {
		if it.Err != nil {
			out = append(out, "error: "+it.Err.Error())
			continue
		}
		out = append(out, it.Letter.Title)
	}
	return out
}

func TestParse(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string // titles, or error substrings after "error: "
	}{
		{"no namespace is read", strings.ReplaceAll(wrap(simple), ` xmlns="http://www.tei-c.org/ns/1.0"`, ""), []string{"A to B"}},
		{"prefixed TEI", `<tei:TEI xmlns:tei="http://www.tei-c.org/ns/1.0"><tei:teiHeader><tei:profileDesc>` +
			`<tei:correspDesc><tei:correspAction type="sent"><tei:persName>A</tei:persName></tei:correspAction>` +
			`</tei:correspDesc></tei:profileDesc></tei:teiHeader></tei:TEI>`, []string{"A to Unknown"}},
		{"byte order mark", "\xef\xbb\xbf" + wrap(simple), []string{"A to B"}},
		{"latin-1 declared", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" +
			strings.Replace(wrap(simple), "<persName>A", "<persName>M\xe9nard, Louis", 1)[len(`<?xml version="1.0"?>`):],
			[]string{"Ménard to B"}},
		{"UTF-16 with byte order mark", utf16LE(wrap(strings.Replace(simple, "<persName>A", "<persName>Ménard, Louis", 1))),
			[]string{"Ménard to B"}},
		{"unknown encoding", `<?xml version="1.0" encoding="x-made-up"?>` + wrap(simple)[len(`<?xml version="1.0"?>`):],
			[]string{"error: in:1: expected UTF-8, UTF-16"}},
		{"other root", `<html><body/></html>`, []string{`error: in:1: html: expected the root element <TEI`}},
		{"empty", "  \n", []string{"error: in:2: expected a TEI document"}},
		{"text before the root", "hello <TEI/>", []string{"error: in:1: expected a TEI document"}},
		{"no correspDesc", wrap(""), []string{"error: in: TEI/teiHeader/profileDesc: expected at least one correspDesc"}},
		{"second root", wrap(simple) + "<TEI/>", []string{"A to B", "error: expected nothing after the root element"}},
		{"mismatched tags", wrap(simple + `<correspDesc><correspAction type="sent"><persName>A</correspAction></correspDesc>`),
			[]string{"A to B", "error: correspDesc[2]/correspAction[1]/persName: expected well-formed XML, found \"element <persName> closed by </correspAction>\""}},
		{"undeclared entity", wrap(strings.Replace(simple, ">A<", ">&nbsp;<", 1)),
			[]string{"error: expected well-formed XML, found \"invalid character entity &nbsp;\""}},
		{"character references are fine", wrap(strings.Replace(simple, ">A<", ">M&#233;nard &amp; Co<", 1)), []string{"Ménard & Co to B"}},
		{"external DTD is not fetched", `<!DOCTYPE TEI SYSTEM "http://localhost:1/tei.dtd">` + wrap(simple)[len(`<?xml version="1.0"?>`):], []string{"A to B"}},
		{"only a cc", wrap(`<correspDesc><correspAction type="cc"><persName>A</persName></correspAction></correspDesc>`),
			[]string{`error: in#1:1: TEI/teiHeader/profileDesc/correspDesc[1]: expected a correspAction of type "sent" or "received", found "only type cc"`}},
		{"missing type", wrap(`<correspDesc><correspAction><persName>A</persName></correspAction></correspDesc>`),
			[]string{`error: correspAction[1]/@type: expected type "sent"`}},
		{"nameless without ref is left out", wrap(`<correspDesc><correspAction type="sent"><persName/><persName> ? </persName>` +
			`<persName>N.N.</persName></correspAction><correspAction type="received"><persName>B</persName></correspAction></correspDesc>`),
			[]string{"Unknown to B"}},
		{"names in parts", wrap(`<correspDesc><correspAction type="sent"><persName><surname>Goethe</surname>, <forename>Johann</forename>` +
			`</persName><persName><forename>Friedrich</forename><surname>Schiller</surname></persName></correspAction></correspDesc>`),
			[]string{"Goethe and Friedrich Schiller to Unknown"}},
		{"many authors", wrap(`<correspDesc><correspAction type="sent"><persName>A</persName><persName>B</persName>` +
			`<persName>C</persName><persName>D</persName><orgName>E</orgName></correspAction></correspDesc>`),
			[]string{"A, B and 3 others to Unknown"}},
		{"receipt date and place are not the letter's", wrap(`<correspDesc><correspAction type="received"><persName>B</persName>` +
			`<placeName>Jena</placeName><date when="1800"/></correspAction></correspDesc>`), []string{"Unknown to B"}},
		{"key without bibl", wrap(`<correspDesc key="7" source="#nowhere">` + simple[len(`<correspDesc ref="http://x.example/1">`):]),
			[]string{"A to B"}},
		{"teiCorpus", `<teiCorpus xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/>` +
			strings.Repeat(wrap(simple)[len(`<?xml version="1.0"?>`):], 2) + `</teiCorpus>`, []string{"A to B", "A to B"}},
		{"too deep", wrap(strings.Repeat("<div>", 300)), []string{"error: expected elements nested at most 256 deep"}},
		{"overlong name", wrap(`<correspDesc><correspAction type="sent"><persName>` + strings.Repeat("a", 1001) +
			`</persName></correspAction></correspDesc>`), []string{"error: in#1:1: TEI/teiHeader/profileDesc/correspDesc[1]/correspAction[1]/persName: expected a name of at most 1000 characters"}},
		{"huge text node", wrap(`<p>` + strings.Repeat("x", maxToken+10) + `</p>`),
			[]string{"error: expected an XML token (text, tag, comment, DOCTYPE) of at most"}},
		{"huge letter", wrap(`<correspDesc><correspAction type="sent">` + strings.Repeat(`<persName ref="`+strings.Repeat("x", maxToken-100)+`">A</persName>`, 3) +
			`</correspAction></correspDesc>` + simple), []string{"error: in#1:1: TEI/teiHeader/profileDesc/correspDesc[1]/correspAction[1]/persName[3]: expected a correspDesc of at most", "A to B"}},
		{"huge open tags", wrap(strings.Repeat(`<div n="`+strings.Repeat("x", maxToken-100)+`">`, 5)),
			[]string{"error: expected open elements whose start tags take at most"}},
		{"huge comment", wrap(`<!--` + strings.Repeat("<>", maxToken/2+10) + `-->`),
			[]string{"error: expected an XML token (text, tag, comment, DOCTYPE) of at most"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := summary(parseAll(t, tt.src, "in"))
			if len(got) != len(tt.want) {
				t.Fatalf("got %d items %q, want %d %q", len(got), got, len(tt.want), tt.want)
			}
			for i, w := range tt.want {
				if !strings.HasPrefix(w, "error: ") && got[i] != w || strings.HasPrefix(w, "error: ") &&
					!strings.Contains(got[i], strings.TrimPrefix(w, "error: ")) {
					t.Errorf("item %d = %q, want %q", i, got[i], w)
				}
			}
		})
	}
}

// utf16LE encodes s as UTF-16, little-endian, with a byte order mark and a
// declaration that says so.
func utf16LE(s string) string {
	s = `<?xml version="1.0" encoding="UTF-16"?>` + strings.TrimPrefix(s, `<?xml version="1.0"?>`)
	b := []byte{0xff, 0xfe}
	for _, r := range s {
		if r > 0xffff {
			panic("utf16LE: outside the BMP")
		}
		b = append(b, byte(r), byte(r>>8))
	}
	return string(b)
}

// A plain TEI letter whose body breaks is not yielded without it; CMIF letters read
// before a break are.
func TestBreakKeepsWhatWasRead(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want int // letters yielded before the error
	}{
		{"cmif broken in the header", wrap(simple + simple + `<correspDesc><persName>`)[:len(wrap(simple+simple+`<correspDesc><persName>`))-60], 2},
		{"tei letter broken in the body", strings.Replace(wrap(simple), "<p/>", "<p>text</q>", 1), 0},
		{"tei letter broken after the header", strings.Replace(wrap(simple), "<text>", "<text><x></y>", 1), 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var n int
			err := Parse(strings.NewReader(tt.src), "in", func(it document.Item) error {
				if it.Err == nil {
					n++
				}
				return nil
			})
			var pe *document.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("Parse error = %v, want a *document.ParseError", err)
			}
			if n != tt.want {
				t.Errorf("%d letters yielded, want %d", n, tt.want)
			}
		})
	}
}

// An error from yield stops the parser and is returned as it is.
func TestYieldErrorStops(t *testing.T) {
	stop := errors.New("stop")
	calls := 0
	err := Parse(strings.NewReader(wrap(simple+simple+simple)), "in", func(document.Item) error {
		calls++
		return stop
	})
	if err != stop || calls != 1 {
		t.Errorf("Parse = %v after %d calls, want %v after 1", err, calls, stop)
	}
}

// A read error of the source is returned as it is, not as bad XML.
func TestReadError(t *testing.T) {
	boom := errors.New("disk on fire")
	src := wrap(simple)
	err := Parse(&failingReader{data: src[:200], err: boom}, "in", func(document.Item) error { return nil })
	if !errors.Is(err, boom) {
		t.Errorf("Parse = %v, want %v", err, boom)
	}
}

type failingReader struct {
	data string
	err  error
}

func (r *failingReader) Read(p []byte) (int, error) {
	if r.data == "" {
		return 0, r.err
	}
	n := copy(p, r.data)
	r.data = r.data[n:]
	return n, nil
}

func TestLooksLikeCMIF(t *testing.T) {
	tests := []struct {
		name string
		head string
		want bool
	}{
		{"cmif", wrap(simple), true},
		{"cut short", wrap(simple)[:120], true},
		{"teiCorpus", `<teiCorpus xmlns="http://www.tei-c.org/ns/1.0">`, true},
		{"prolog first", "\xef\xbb\xbf<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<!-- c -->\n<!DOCTYPE TEI>\n<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">", true},
		{"utf-16", utf16LE(wrap(simple)), true},
		{"correspDesc in another root", `<letters xmlns:tei="http://www.tei-c.org/ns/1.0"><tei:correspDesc/></letters>`, true},
		{"TEI without namespace", `<TEI><teiHeader/></TEI>`, false},
		{"TEI not at the root", `<x><TEI xmlns="http://www.tei-c.org/ns/1.0"/></x>`, false},
		{"html", `<!DOCTYPE html><html><body>TEI correspDesc</body></html>`, false},
		{"json", `{"title": "<TEI>"}`, false},
		{"text", "Dear Sir,\n<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">", false},
		{"empty", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := LooksLikeCMIF([]byte(tt.head)); got != tt.want {
				t.Errorf("LooksLikeCMIF(%.40q) = %v, want %v", tt.head, got, tt.want)
			}
		})
	}
}
