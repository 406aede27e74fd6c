// Package ingesttest compares what a parser produced with an expected canonical
// document (a *.expected.json file beside the input), by meaning: names after
// normalisation, parties in order, and only the fields the expected document gives.
package ingesttest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/lettergraph/lettergraph/internal/domain"
	"github.com/lettergraph/lettergraph/internal/ingest/canonical"
	"github.com/lettergraph/lettergraph/internal/ingest/document"
)

// Expected is an expected document: the canonical form plus checks that only tests
// make.
type Expected struct {
	canonical.Document
	BodyStartsWith      string            `json:"bodyStartsWith,omitempty"`
	BodyEndsWith        string            `json:"bodyEndsWith,omitempty"`
	BodyContains        []string          `json:"bodyContains,omitempty"`
	BodyExcludes        []string          `json:"bodyExcludes,omitempty"`
	MentionsOptional    []canonical.Party `json:"mentionsOptional,omitempty"`
	MustHoldAfterImport []string          `json:"mustHoldAfterImport,omitempty"`
	// Error, for a bad input, is a substring the parse error must contain.
	Error string `json:"error,omitempty"`
}

// Load reads an expected document.
func Load(tb testing.TB, path string) Expected {
	tb.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("expected document: %v", err)
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	var e Expected
	if err := dec.Decode(&e); err != nil {
		tb.Fatalf("%s: %v", path, err)
	}
	return e
}

// Compare reports every difference between got and the expected document at path.
func Compare(tb testing.TB, got domain.LetterInput, path string) {
	tb.Helper()
	CompareTo(tb, got, Load(tb, path))
}

// CompareTo reports every difference between got and want.
func CompareTo(tb testing.TB, got domain.LetterInput, want Expected) {
	tb.Helper()
	w, err := want.Document.ToInput("expected")
	if err != nil {
		tb.Fatalf("expected document: %v", err)
	}
	if err := got.Normalize("got"); err != nil {
		tb.Errorf("the parsed document does not validate: %v", err)
		return
	}
	if err := w.Normalize("expected"); err != nil && !isEmptyLetter(err) {
		tb.Fatalf("expected document does not validate: %v", err)
	}
	c := &cmp{tb: tb}
	c.text("title", got.Title, want.Title)
	c.text("subject", got.Subject, want.Subject)
	c.text("dateText", got.DateText, want.DateText)
	c.text("placeText", got.PlaceText, want.PlaceText)
	c.text("language", got.Language, want.Language)
	c.text("sourceFormat", string(got.SourceFormat), want.SourceFormat)
	c.text("externalId", got.ExternalID, want.ExternalID)
	if want.DatePrecision != "" {
		c.eq("datePrecision", string(got.DatePrecision), want.DatePrecision)
		c.eq("date", day(got.Date), day(w.Date))
	}
	if want.DateNotBefore != nil {
		c.eq("dateNotBefore", day(got.DateNotBefore), day(w.DateNotBefore))
	}
	if want.DateNotAfter != nil {
		c.eq("dateNotAfter", day(got.DateNotAfter), day(w.DateNotAfter))
	}
	if want.Body != "" {
		c.eq("body", domain.CleanText(got.Body), domain.CleanText(want.Body))
	}
	if want.BodyStartsWith != "" && !strings.HasPrefix(got.Body, want.BodyStartsWith) {
		tb.Errorf("body starts %q, want it to start %q", head(got.Body), want.BodyStartsWith)
	}
	if want.BodyEndsWith != "" && !strings.HasSuffix(got.Body, want.BodyEndsWith) {
		tb.Errorf("body ends %q, want it to end %q", tail(got.Body), want.BodyEndsWith)
	}
	for _, s := range want.BodyContains {
		if !strings.Contains(got.Body, s) {
			tb.Errorf("body does not contain %q", s)
		}
	}
	for _, s := range want.BodyExcludes {
		if strings.Contains(got.Body, s) {
			tb.Errorf("body contains %q, want it left out", s)
		}
	}
	if want.Place != nil {
		if got.WrittenAt == nil {
			tb.Errorf("place = none, want %q", want.Place.Name)
		} else {
			c.name("place", got.WrittenAt.Name, w.WrittenAt.Name)
			c.name("place country", got.WrittenAt.Country, w.WrittenAt.Country)
		}
	}
	c.parties("authors", got.Authors, w.Authors)
	c.parties("recipients", got.Recipients, w.Recipients)
	c.parties("cc", got.CC, w.CC)
	c.parties("bcc", got.BCC, w.BCC)
	if want.OnBehalfOf != nil {
		c.eq("onBehalfOf count", len(got.OnBehalfOf), len(w.OnBehalfOf))
		for i := 0; i < min(len(got.OnBehalfOf), len(w.OnBehalfOf)); i++ {
			c.org(fmt.Sprintf("onBehalfOf[%d]", i), &got.OnBehalfOf[i], &w.OnBehalfOf[i])
		}
	}
	c.refs("related", got.Related, w.Related)
	c.refs("repliesTo", got.RepliesTo, w.RepliesTo)
	if want.Mentions != nil {
		c.eq("mentions count", len(got.Mentions), len(w.Mentions))
	}
}

func isEmptyLetter(err error) bool {
	return strings.Contains(err.Error(), "a letter needs a title")
}

type cmp struct{ tb testing.TB }

func (c *cmp) eq(field string, got, want any) {
	c.tb.Helper()
	if got != want {
		c.tb.Errorf("%s = %v, want %v", field, got, want)
	}
}

// text compares a field the expected document gives (empty: not checked).
func (c *cmp) text(field, got, want string) {
	c.tb.Helper()
	if want != "" && domain.CleanText(got) != domain.CleanText(want) {
		c.tb.Errorf("%s = %q, want %q", field, got, want)
	}
}

// name compares names by their identity key.
func (c *cmp) name(field, got, want string) {
	c.tb.Helper()
	if want != "" && domain.NormalizeName(got) != domain.NormalizeName(want) {
		c.tb.Errorf("%s = %q, want %q", field, got, want)
	}
}

func (c *cmp) parties(role string, got, want []domain.PartyInput) {
	c.tb.Helper()
	if len(got) != len(want) {
		c.tb.Errorf("%s: %d parties %s, want %d %s", role, len(got), describe(got), len(want), describe(want))
		return
	}
	for i := range want {
		field := fmt.Sprintf("%s[%d]", role, i)
		g, w := got[i], want[i]
		c.text(field+".capacity", g.Capacity, w.Capacity)
		c.text(field+".as", g.As, w.As)
		switch {
		case w.Person != nil:
			if g.Person == nil {
				c.tb.Errorf("%s = %s, want person %q", field, describe(got[i:i+1]), w.Person.Name)
				continue
			}
			c.name(field+".person.name", g.Person.Name, w.Person.Name)
			c.text(field+".person.honorific", g.Person.Honorific, w.Person.Honorific)
			if len(w.Person.Emails) > 0 {
				c.eq(field+".person.emails", strings.Join(g.Person.Emails, ","), strings.Join(w.Person.Emails, ","))
			}
			if len(w.Person.AuthorityIDs) > 0 {
				c.eq(field+".person.authorityIds", strings.Join(g.Person.AuthorityIDs, ","), strings.Join(w.Person.AuthorityIDs, ","))
			}
		case w.Organisation != nil:
			if g.Organisation == nil {
				c.tb.Errorf("%s = %s, want organisation %q", field, describe(got[i:i+1]), w.Organisation.Name)
				continue
			}
			c.org(field+".organisation", g.Organisation, w.Organisation)
		case w.Office != nil:
			if g.Office == nil {
				c.tb.Errorf("%s = %s, want office %q", field, describe(got[i:i+1]), w.Office.Title)
				continue
			}
			c.office(field+".office", g.Office, w.Office)
		}
		if w.MemberOf != nil {
			if g.MemberOf == nil {
				c.tb.Errorf("%s.memberOf = none, want %q", field, w.MemberOf.Organisation.Name)
			} else {
				c.org(field+".memberOf.organisation", &g.MemberOf.Organisation, &w.MemberOf.Organisation)
				c.text(field+".memberOf.role", g.MemberOf.Role, w.MemberOf.Role)
			}
		}
		if w.Holds != nil {
			if g.Holds == nil {
				c.tb.Errorf("%s.holds = none, want %q", field, w.Holds.Office.Title)
			} else {
				c.office(field+".holds.office", &g.Holds.Office, &w.Holds.Office)
			}
		}
	}
}

func (c *cmp) org(field string, g, w *domain.OrganisationInput) {
	c.tb.Helper()
	c.name(field+".name", g.Name, w.Name)
	c.text(field+".acronym", g.Acronym, w.Acronym)
	c.text(field+".kind", string(g.Kind), string(w.Kind))
	if len(w.AuthorityIDs) > 0 {
		c.eq(field+".authorityIds", strings.Join(g.AuthorityIDs, ","), strings.Join(w.AuthorityIDs, ","))
	}
}

func (c *cmp) office(field string, g, w *domain.OfficeInput) {
	c.tb.Helper()
	if domain.NormalizeTitle(g.Title) != domain.NormalizeTitle(w.Title) {
		c.tb.Errorf("%s.title = %q, want %q", field, g.Title, w.Title)
	}
	switch {
	case w.Of != nil && g.Of == nil:
		c.tb.Errorf("%s.of = none, want %q", field, w.Of.Name)
	case w.Of != nil:
		c.org(field+".of", g.Of, w.Of)
	}
}

func (c *cmp) refs(field string, got, want []domain.LetterRef) {
	c.tb.Helper()
	if want == nil {
		return
	}
	if len(got) != len(want) {
		c.tb.Errorf("%s = %+v, want %+v", field, got, want)
		return
	}
	for i := range want {
		c.text(fmt.Sprintf("%s[%d].title", field, i), got[i].Title, want[i].Title)
		c.text(fmt.Sprintf("%s[%d].externalId", field, i), got[i].ExternalID, want[i].ExternalID)
	}
}

// describe lists parties briefly for failure messages.
func describe(list []domain.PartyInput) string {
	var parts []string
	for _, p := range list {
		switch {
		case p.Person != nil:
			parts = append(parts, "person "+p.Person.Name)
		case p.Organisation != nil:
			parts = append(parts, "organisation "+p.Organisation.Name)
		case p.Office != nil:
			of := ""
			if p.Office.Of != nil {
				of = " of " + p.Office.Of.Name
			}
			parts = append(parts, "office "+p.Office.Title+of)
		default:
			parts = append(parts, "id "+p.ID)
		}
	}
	return "[" + strings.Join(parts, "; ") + "]"
}

func day(t *time.Time) string {
	if t == nil {
		return "none"
	}
	return t.Format(time.DateOnly)
}

func head(s string) string {
	if len(s) > 60 {
		return s[:60] + "…"
	}
	return s
}

func tail(s string) string {
	if len(s) > 60 {
		return "…" + s[len(s)-60:]
	}
	return s
}

// LoadAll reads the expected documents of a source holding several (an mbox, a CMIF
// file, NDJSON): a JSON array of expected documents, in source order. A single object
// is read as an array of one.
func LoadAll(tb testing.TB, path string) []Expected {
	tb.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("expected documents: %v", err)
	}
	raw = bytes.TrimSpace(raw)
	if len(raw) > 0 && raw[0] == '{' {
		return []Expected{Load(tb, path)}
	}
	var list []json.RawMessage
	if err := json.Unmarshal(raw, &list); err != nil {
		tb.Fatalf("%s: %v", path, err)
	}
	out := make([]Expected, len(list))
	for i, r := range list {
		dec := json.NewDecoder(bytes.NewReader(r))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&out[i]); err != nil {
			tb.Fatalf("%s[%d]: %v", path, i, err)
		}
	}
	return out
}

// CompareItems checks the items a parser yielded against the expected documents at
// path, in order: an expected document with "error" must be a failed item whose error
// contains that text; any other must be a read document that matches.
func CompareItems(tb *testing.T, items []document.Item, path string) {
	tb.Helper()
	want := LoadAll(tb, path)
	if len(items) != len(want) {
		var origins []string
		for _, it := range items {
			origins = append(origins, it.Origin)
		}
		tb.Fatalf("%d documents read (%q), want %d", len(items), origins, len(want))
	}
	for i, w := range want {
		it := items[i]
		tb.Run(fmt.Sprintf("%d", i+1), func(t *testing.T) {
			t.Helper()
			switch {
			case w.Error != "" && it.Err == nil:
				t.Errorf("%s: read without error, want an error containing %q", it.Origin, w.Error)
			case w.Error != "" && !strings.Contains(it.Err.Error(), w.Error):
				t.Errorf("%s: error %q, want it to contain %q", it.Origin, it.Err, w.Error)
			case w.Error == "" && it.Err != nil:
				t.Errorf("%s: %v", it.Origin, it.Err)
			case w.Error == "":
				CompareTo(t, it.Letter, w)
			}
		})
	}
}
