package export_test

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/lettergraph/lettergraph/internal/domain"
	"github.com/lettergraph/lettergraph/internal/export"
	"github.com/lettergraph/lettergraph/internal/ingest/canonical"
	"github.com/lettergraph/lettergraph/internal/ingest/cmif"
	"github.com/lettergraph/lettergraph/internal/ingest/document"
)

var now = time.Date(2025, 3, 4, 5, 6, 7, 0, time.UTC)

// parties describes the parties of one role of an input: kind, name, authority ids.
func parties(list []domain.PartyInput) string {
	var out []string
	for _, p := range list {
		switch {
		case p.Person != nil:
			out = append(out, fmt.Sprintf("person %s %v", p.Person.Name, p.Person.AuthorityIDs))
		case p.Organisation != nil:
			out = append(out, fmt.Sprintf("org %s %v", p.Organisation.Name, p.Organisation.AuthorityIDs))
		case p.Office != nil:
			out = append(out, "office "+p.Office.Title)
		}
	}
	return strings.Join(out, ", ")
}

func dateOf(t *time.Time) string {
	if t == nil {
		return "-"
	}
	return t.Format(time.DateOnly)
}

// readBack parses what a writer wrote with an importer's parser.
func readBack(t *testing.T, parse func(io.Reader, string, document.Yield) error, data []byte) []domain.LetterInput {
	t.Helper()
	var out []domain.LetterInput
	err := parse(bytes.NewReader(data), "export", func(it document.Item) error {
		if it.Err != nil {
			return it.Err
		}
		out = append(out, it.Letter)
		return nil
	})
	if err != nil {
		t.Fatalf("reading the export back: %v\n%s", err, data)
	}
	return out
}

// TestExportCMIFReadsBack writes the fixture as CMIF and reads it with the CMIF
// importer: each letter comes back with its parties in their roles and order (an
// office as an organisation named "Title (Organisation)"), its dates, place,
// language, mentions and an external id an import of it again keeps.
func TestExportCMIFReadsBack(t *testing.T) {
	var buf bytes.Buffer
	if err := export.WriteCMIF(&buf, lettersOf(fixture()), export.CMIFHeader{URL: "https://example.org/cmif.xml"}, now); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`<idno type="url">https://example.org/cmif.xml</idno>`, `<date when="2025-03-04T05:06:07Z"></date>`,
		`<bibl type="online" xml:id="lettergraph">`, `<correspDesc ref="https://example.org/letters/1" source="#lettergraph">`,
		`<persName>Unknown</persName>`, `Smith &amp; &lt;Sons&gt;`} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("CMIF lacks %s", want)
		}
	}
	got := readBack(t, cmif.Parse, buf.Bytes())
	want := []string{
		"https://example.org/letters/1 | person Johann Wolfgang von Goethe [https://d-nb.info/gnd/118540238 https://www.wikidata.org/entity/Q5879]" +
			" | person Friedrich Schiller [], org Prime Minister (Albania) [] | org Minister of Interior (Ministry of Interior) [], org The Media []" +
			" | person Bea Blind [] | 1794-06-13 DAY 1794-06-13..1794-06-13 \"1794-06-13\" | Weimar [https://www.geonames.org/2812482] | de | 3 mentions",
		"cmif:lettergraph#L2 |  | org J. G. Cotta'sche Buchhandlung [https://d-nb.info/gnd/2027670-1] |  |  | 1794-08-01 MONTH 1794-08-01..1794-08-31 \"1794-08\" |  |  | 0 mentions",
		"cmif:lettergraph#42 | person Smith & <Sons> \"Ltd\" [] | person Johann Wolfgang von Goethe [https://d-nb.info/gnd/118540238 https://www.wikidata.org/entity/Q5879] |  |  | - UNKNOWN 1795-03-01..1795-04-30 \"notBefore 1795-03-01, notAfter 1795-04-30\" |  |  | 0 mentions",
		"cmif:lettergraph#<msg-4@example.org> | person Friedrich Schiller [] | person Johann Wolfgang von Goethe [https://d-nb.info/gnd/118540238 https://www.wikidata.org/entity/Q5879] |  |  | 1796-01-01 YEAR 1796-01-01..1796-12-31 \"1796\" |  |  | 0 mentions",
		"cmif:lettergraph#L5 | person Johann Wolfgang von Goethe [https://d-nb.info/gnd/118540238 https://www.wikidata.org/entity/Q5879] |  |  |  | - UNKNOWN -..- \"\" |  |  | 0 mentions",
	}
	if len(got) != len(want) {
		t.Fatalf("read back %d letters, want %d", len(got), len(want))
	}
	for i, in := range got {
		if err := in.Normalize("input"); err != nil {
			t.Fatalf("letter %d does not normalise: %v", i, err)
		}
		place := ""
		if in.WrittenAt != nil {
			place = fmt.Sprintf("%s %v", in.WrittenAt.Name, in.WrittenAt.AuthorityIDs)
		}
		view := fmt.Sprintf("%s | %s | %s | %s | %s | %s %s %s..%s %q | %s | %s | %d mentions", in.ExternalID,
			parties(in.Authors), parties(in.Recipients), parties(in.CC), parties(in.BCC), dateOf(in.Date), in.DatePrecision,
			dateOf(in.DateNotBefore), dateOf(in.DateNotAfter), in.DateText, place, in.Language, len(in.Mentions))
		if view != want[i] {
			t.Errorf("letter %d:\n got %s\nwant %s", i, view, want[i])
		}
	}
}

// TestExportCMIFDates writes each shape of date as CMIF's date element allows it,
// with attributes only (the date as written is left out) and never @when beside
// @notBefore or @notAfter (a Schematron rule of the CMIF schema), and reads it back.
func TestExportCMIFDates(t *testing.T) {
	tests := []struct {
		name                string
		date                *time.Time
		prec                domain.DatePrecision
		notBefore, notAfter *time.Time
		want, wantRead      string
	}{
		{"day", day("1794-06-13"), domain.PrecisionDay, day("1794-06-13"), day("1794-06-13"),
			`<date when="1794-06-13"></date>`, "1794-06-13 DAY 1794-06-13..1794-06-13"},
		{"month", day("1794-08-01"), domain.PrecisionMonth, day("1794-08-01"), day("1794-08-31"),
			`<date when="1794-08"></date>`, "1794-08-01 MONTH 1794-08-01..1794-08-31"},
		{"year", day("0999-01-01"), domain.PrecisionYear, day("0999-01-01"), day("0999-12-31"),
			`<date when="0999"></date>`, "0999-01-01 YEAR 0999-01-01..0999-12-31"},
		{"bounds", nil, domain.PrecisionUnknown, day("1795-03-01"), day("1795-04-30"),
			`<date notBefore="1795-03-01" notAfter="1795-04-30"></date>`, "- UNKNOWN 1795-03-01..1795-04-30"},
		{"lower bound", nil, domain.PrecisionUnknown, day("1795-03-01"), nil,
			`<date notBefore="1795-03-01"></date>`, "- UNKNOWN 1795-03-01..-"},
		{"a year narrowed", day("1794-01-01"), domain.PrecisionYear, day("1794-03-01"), day("1794-12-31"),
			`<date notBefore="1794-03-01" notAfter="1794-12-31"></date>`, "- UNKNOWN 1794-03-01..1794-12-31"},
		{"a day widened", day("1794-06-13"), domain.PrecisionDay, day("1794-06-13"), day("1794-06-20"),
			`<date notBefore="1794-06-13" notAfter="1794-06-20"></date>`, "- UNKNOWN 1794-06-13..1794-06-20"},
		{"undated", nil, domain.PrecisionUnknown, nil, nil, "", "- UNKNOWN -..-"},
		{"year 0", day("0000-06-13"), domain.PrecisionDay, day("0000-06-13"), day("0000-06-13"), "", "- UNKNOWN -..-"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := &domain.Letter{ID: "L1", Date: tt.date, DatePrecision: tt.prec, DateNotBefore: tt.notBefore, DateNotAfter: tt.notAfter,
				DateText: "as written", Authors: []domain.Party{{Role: domain.RoleAuthor, Position: 1, Correspondent: &domain.Person{ID: "p", Name: "Ann"}}}}
			var buf bytes.Buffer
			if err := export.WriteCMIF(&buf, lettersOf([]*domain.LetterRecord{{Letter: l}}), export.CMIFHeader{}, now); err != nil {
				t.Fatal(err)
			}
			var got string
			for _, line := range strings.Split(buf.String(), "\n") {
				if line = strings.TrimSpace(line); strings.HasPrefix(line, "<date ") && !strings.Contains(line, `when="2025`) {
					got = line
				}
			}
			if got != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
			read := readBack(t, cmif.Parse, buf.Bytes())
			if len(read) != 1 {
				t.Fatalf("read back %d letters, want 1", len(read))
			}
			if err := read[0].Normalize("input"); err != nil {
				t.Fatal(err)
			}
			in := read[0]
			if got := fmt.Sprintf("%s %s %s..%s", dateOf(in.Date), in.DatePrecision, dateOf(in.DateNotBefore), dateOf(in.DateNotAfter)); got != tt.wantRead {
				t.Errorf("read back %s, want %s", got, tt.wantRead)
			}
		})
	}
}

// TestExportCMIFWithoutURL writes the idno CMIF requires even when the file's URL is
// not known.
func TestExportCMIFWithoutURL(t *testing.T) {
	var buf bytes.Buffer
	if err := export.WriteCMIF(&buf, lettersOf(nil), export.CMIFHeader{}, now); err != nil {
		t.Fatal(err)
	}
	if want := `<publisher>lettergraph</publisher>
    <idno type="url"></idno>
    <date when="2025-03-04T05:06:07Z"></date>`; !strings.Contains(buf.String(), want) {
		t.Errorf("got\n%s\nwant the publicationStmt to hold\n%s", buf.String(), want)
	}
}

// TestExportNDJSONReadsBack writes the fixture as canonical NDJSON and reads it with
// the canonical reader: every field is there, parties inline with their details,
// a person's holdings and memberships on its appearances in turn, organisations
// with what they are part of, letters referred to by external id and title.
func TestExportNDJSONReadsBack(t *testing.T) {
	var buf bytes.Buffer
	if err := export.WriteNDJSON(&buf, lettersOf(fixture())); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(buf.String(), "\n"); n != 5 {
		t.Errorf("%d lines, want 5", n)
	}
	got := readBack(t, canonical.Read, buf.Bytes())
	org := func(o *domain.OrganisationInput) string {
		var names []string
		for ; o != nil; o = o.PartOf {
			names = append(names, o.Name)
		}
		return strings.Join(names, " < ")
	}
	holds := func(p domain.PartyInput) string {
		if h := p.Holds; h != nil {
			return fmt.Sprintf("holds %s of %s from %s to %s", h.Office.Title, org(h.Office.Of), dateOf(h.From), dateOf(h.To))
		}
		return "holds nothing"
	}
	member := func(p domain.PartyInput) string {
		if m := p.MemberOf; m != nil {
			return fmt.Sprintf("member of %s as %s", org(&m.Organisation), m.Role)
		}
		return "member of nothing"
	}
	l1, l2, l3, l4 := got[0], got[1], got[2], got[3]
	for _, c := range []struct{ what, got, want string }{
		{"L1 fields", fmt.Sprintf("%s|%q|%s|%s|%s|%s|%s|%s|%s", l1.Title, l1.Body, dateOf(l1.Date), l1.DatePrecision, l1.DateText,
			l1.Language, l1.PlaceText, l1.SourceFormat, l1.ExternalID),
			`Goethe to Schiller|"Lieber Freund,\nhier, \"zitiert\"; & so."|1794-06-13|DAY|13. Juni 1794|de|Weimar|CMIF|https://example.org/letters/1`},
		{"L1 place", fmt.Sprintf("%+v", *l1.WrittenAt), "{ID: Name:Weimar Country:Germany AuthorityIDs:[http://www.geonames.org/2812482]}"},
		{"L1 author", fmt.Sprintf("%+v %s %s", *l1.Authors[0].Person, l1.Authors[0].Capacity, member(l1.Authors[0])),
			"{ID: Name:Johann Wolfgang von Goethe Honorific:Herr Aliases:[] Emails:[] AuthorityIDs:[http://d-nb.info/gnd/118540238 http://www.wikidata.org/entity/Q5879]} Minister member of Government of Albania < Albania as adviser"},
		{"L1 Schiller, first appearance", fmt.Sprintf("%v %v %s %s", l1.Recipients[0].Person.Aliases, l1.Recipients[0].Person.Emails,
			l1.Recipients[0].As, holds(l1.Recipients[0])),
			"[Schiller, Friedrich] [fs@example.org] Hofrat holds Minister of Interior of Ministry of Interior < Government of Albania < Albania from 1790-01-01 to -"},
		{"L4 Schiller, second appearance", holds(l4.Authors[0]) + ", " + member(l4.Authors[0]), "holds Prime Minister of Albania from - to 1799-12-31, member of nothing"},
		{"L3 Goethe, second appearance", member(l3.Recipients[0]), "member of nothing"},
		{"L1 cc", parties(l1.CC) + " of " + org(l1.CC[0].Office.Of), "office Minister of Interior, org The Media [] of Ministry of Interior < Government of Albania < Albania"},
		{"L1 bcc", parties(l1.BCC), "person Bea Blind []"},
		{"L1 on behalf of", org(&l1.OnBehalfOf[0]), "Government of Albania < Albania"},
		{"L1 mentions", fmt.Sprintf("%s; %s; %s; %+v", l1.Mentions[0].Party.Person.Name, l1.Mentions[1].Place.Name,
			l1.Mentions[2].Party.Organisation.Name, *l1.Mentions[3].Letter),
			"Wilhelm von Humboldt; Jena; J. G. Cotta'sche Buchhandlung; {ID: ExternalID:msg-0@example.org Title:}"},
		{"L2 references", fmt.Sprintf("%+v %+v", l2.Related, l2.RepliesTo),
			"[{ID: ExternalID:https://example.org/letters/1 Title:}] [{ID: ExternalID: Title:What we expect}]"},
		{"L2 dates", fmt.Sprintf("%s %s %s..%s", dateOf(l2.Date), l2.DatePrecision, dateOf(l2.DateNotBefore), dateOf(l2.DateNotAfter)),
			"1794-08-01 MONTH 1794-08-01..1794-08-31"},
		{"L3 restricted", fmt.Sprint(l3.Restricted, l1.Restricted), "true false"},
	} {
		if c.got != c.want {
			t.Errorf("%s:\n got %s\nwant %s", c.what, c.got, c.want)
		}
	}
	for i, in := range got {
		if err := in.Normalize("input"); err != nil {
			t.Errorf("document %d does not normalise: %v", i, err)
		}
	}
}

// TestExportCSV reads both CSV files back: a header row, one row a letter and one a
// party link, and text with commas, quotes and line breaks intact.
func TestExportCSV(t *testing.T) {
	var letters, links bytes.Buffer
	if err := export.WriteCSV(lettersOf(fixture()), &letters, &links); err != nil {
		t.Fatal(err)
	}
	read := func(b *bytes.Buffer) [][]string {
		rows, err := csv.NewReader(b).ReadAll()
		if err != nil {
			t.Fatalf("CSV: %v", err)
		}
		return rows
	}
	lrows, krows := read(&letters), read(&links)
	if len(lrows) != 6 || len(krows) != 1+12 {
		t.Fatalf("%d letter rows and %d link rows, want 6 and 13", len(lrows), len(krows))
	}
	row := map[string]string{}
	for i, col := range lrows[0] {
		row[col] = lrows[1][i]
	}
	for col, want := range map[string]string{"id": "L1", "date": "1794-06-13", "datePrecision": "DAY", "place": "Weimar",
		"body": "Lieber Freund,\nhier, \"zitiert\"; & so.", "restricted": "false", "externalId": "https://example.org/letters/1"} {
		if row[col] != want {
			t.Errorf("letters.csv %s = %q, want %q", col, row[col], want)
		}
	}
	if got, want := strings.Join(krows[0], ","), "letterId,role,position,correspondentId,name,kind,organisation,capacity,as"; got != want {
		t.Errorf("links.csv header %s", got)
	}
	var l1 []string
	for _, r := range krows[1:] {
		if r[0] == "L1" {
			l1 = append(l1, strings.Join(r[1:], "|"))
		}
	}
	want := []string{
		"AUTHOR|1|p-goe|Johann Wolfgang von Goethe|PERSON||Minister|",
		"RECIPIENT|1|p-sch|Friedrich Schiller|PERSON|||Hofrat",
		"RECIPIENT|2|f-pm|Prime Minister|OFFICE|Albania||",
		"CC|1|f-int|Minister of Interior|OFFICE|Ministry of Interior||",
		"CC|2|o-med|The Media|ORGANISATION|||",
		"BCC|1|p-bea|Bea Blind|PERSON|||",
	}
	if strings.Join(l1, "\n") != strings.Join(want, "\n") {
		t.Errorf("links of L1:\n%s\nwant\n%s", strings.Join(l1, "\n"), strings.Join(want, "\n"))
	}
}

// TestExportWritersStopAtTheFirstError: an error from the values (the store failing
// midway) ends every writer with that error.
func TestExportWritersStopAtTheFirstError(t *testing.T) {
	failing := func(yield func(*domain.LetterRecord) error) error {
		if err := yield(fixture()[0]); err != nil {
			return err
		}
		return errBoom
	}
	nodes, edges := fixtureNetwork()
	broken := networkOf(nodes, edges)
	broken.Edges = func(func(domain.DatedEdge) error) error { return errBoom }
	for name, write := range map[string]func(io.Writer) error{
		"cmif":    func(w io.Writer) error { return export.WriteCMIF(w, failing, export.CMIFHeader{}, now) },
		"ndjson":  func(w io.Writer) error { return export.WriteNDJSON(w, failing) },
		"csv":     func(w io.Writer) error { return export.WriteCSV(failing, w, w) },
		"graphml": func(w io.Writer) error { return export.WriteGraphML(w, broken) },
		"gexf":    func(w io.Writer) error { return export.WriteGEXF(w, broken, now) },
	} {
		if err := write(io.Discard); !errors.Is(err, errBoom) {
			t.Errorf("%s: %v, want the values' error", name, err)
		}
	}
}
