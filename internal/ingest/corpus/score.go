package corpus

import (
	"fmt"
	"strings"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// Field is a kind of fact that the score counts apart.
type Field string

// The fields, in the order of the score's table (testdata/letters/README.md says what
// each counts).
const (
	Authors       Field = "authors"
	Capacities    Field = "capacities"
	Recipients    Field = "recipients"
	TitlesUsed    Field = "titles used"
	CC            Field = "cc"
	BCC           Field = "bcc"
	Organisations Field = "organisations"
	Offices       Field = "offices"
	Dates         Field = "dates"
	Places        Field = "places"
	Subject       Field = "subject"
	BodyBounds    Field = "body bounds"
)

// Fields lists every field in table order.
var Fields = []Field{Authors, Capacities, Recipients, TitlesUsed, CC, BCC, Organisations,
	Offices, Dates, Places, Subject, BodyBounds}

// Tally counts one field's facts: those expected, those of them the parser gave, and
// those it gave that were not expected.
type Tally struct{ Expected, Right, Invented int }

// Add adds o to t.
func (t *Tally) Add(o Tally) {
	t.Expected += o.Expected
	t.Right += o.Right
	t.Invented += o.Invented
}

// Score is the tally of each field.
type Score map[Field]Tally

// Add adds o to s.
func (s Score) Add(o Score) {
	for f, t := range o {
		cur := s[f]
		cur.Add(t)
		s[f] = cur
	}
}

// Total is the tally over every field.
func (s Score) Total() Tally {
	var t Tally
	for _, f := range Fields {
		t.Add(s[f])
	}
	return t
}

// Difference is one fact missed or invented, for the verbose report.
type Difference struct {
	Field    Field
	Fact     string
	Invented bool // given but not expected; else expected but not given
}

func (d Difference) String() string {
	if d.Invented {
		return fmt.Sprintf("%s: invented %s", d.Field, d.Fact)
	}
	return fmt.Sprintf("%s: missed %s", d.Field, d.Fact)
}

// Compare scores got, a parser's answer, against want. Both are normalised first, as
// the store would (honorifics split off, date bounds derived); got must be valid. The
// facts of a field are compared as a multiset, so order does not count: the score
// measures what was read, and the tests check order.
func Compare(got domain.LetterInput, want Expected) (Score, []Difference, error) {
	w, err := want.Document.ToInput("expected")
	if err != nil {
		return nil, nil, err
	}
	if w.Title == "" && w.Subject == "" && w.Body == "" {
		w.Body = "(described by the body checks)" // lets Normalize derive the rest
	}
	if err := w.Normalize("expected"); err != nil {
		return nil, nil, err
	}
	if err := got.Normalize("got"); err != nil {
		return nil, nil, fmt.Errorf("the parsed document does not validate: %w", err)
	}
	gf, wf := facts(got), facts(w)
	bodyFacts(got.Body, want, gf, wf)
	score := Score{}
	var diffs []Difference
	for _, f := range Fields {
		left := map[string]int{}
		for _, k := range gf[f] {
			left[k]++
		}
		t := Tally{Expected: len(wf[f])}
		for _, k := range wf[f] {
			if left[k] > 0 {
				left[k]--
				t.Right++
			} else {
				diffs = append(diffs, Difference{Field: f, Fact: k})
			}
		}
		for _, k := range gf[f] {
			if left[k] > 0 {
				left[k]--
				t.Invented++
				diffs = append(diffs, Difference{Field: f, Fact: k, Invented: true})
			}
		}
		score[f] = t
	}
	return score, diffs, nil
}

// bodyFacts adds the body's bounds: a fact for each bound the expected document
// quotes, which the parser gives when its body starts (ends) with it, white space
// collapsed.
func bodyFacts(body string, want Expected, got, wanted map[Field][]string) {
	b := domain.CleanText(body)
	if s := domain.CleanText(want.BodyStartsWith); s != "" {
		wanted[BodyBounds] = append(wanted[BodyBounds], "starts "+quote(s))
		if strings.HasPrefix(b, s) {
			got[BodyBounds] = append(got[BodyBounds], "starts "+quote(s))
		}
	}
	if s := domain.CleanText(want.BodyEndsWith); s != "" {
		wanted[BodyBounds] = append(wanted[BodyBounds], "ends "+quote(s))
		if strings.HasSuffix(b, s) {
			got[BodyBounds] = append(got[BodyBounds], "ends "+quote(s))
		}
	}
}

// facts lists a normalised letter's facts by field, each as a comparable string:
// names by their identity key, titles and free text with case, accents and spacing
// folded.
func facts(in domain.LetterInput) map[Field][]string {
	f := map[Field][]string{}
	add := func(field Field, s string) { f[field] = append(f[field], s) }
	lists := []struct {
		field   Field
		parties []domain.PartyInput
	}{{Authors, in.Authors}, {Recipients, in.Recipients}, {CC, in.CC}, {BCC, in.BCC}}
	for _, l := range lists {
		for _, p := range l.parties {
			who := partyKey(p)
			add(l.field, who)
			if l.field == Authors && p.Capacity != "" {
				add(Capacities, who+" as "+quote(fold(p.Capacity)))
			}
			if l.field == Recipients && p.As != "" {
				add(TitlesUsed, who+" as "+quote(fold(p.As)))
			}
			if m := p.MemberOf; m != nil {
				add(Organisations, who+" member of "+orgKey(&m.Organisation)+" as "+quote(fold(m.Role)))
			}
			if h := p.Holds; h != nil {
				add(Offices, who+" holds "+officeKey(&h.Office))
			}
			if p.Office != nil {
				add(Offices, officeKey(p.Office))
			}
		}
	}
	for _, o := range in.OnBehalfOf {
		add(Organisations, "on behalf of "+orgKey(&o))
	}
	if in.Date != nil {
		add(Dates, fmt.Sprintf("%s %s", in.Date.Format("2006-01-02"), in.DatePrecision))
	} else {
		add(Dates, "no date")
	}
	if in.WrittenAt != nil && in.WrittenAt.Name != "" {
		add(Places, quote(domain.NormalizeName(in.WrittenAt.Name)))
	} else if in.PlaceText != "" {
		add(Places, quote(domain.NormalizeName(in.PlaceText)))
	}
	if in.Subject != "" {
		add(Subject, quote(fold(in.Subject)))
	}
	return f
}

// partyKey names a party by its identity: a person or organisation by name key, an
// office by its title as the store matches it. An organisation the parser gave another
// form ("Press" read as the group "The Media") is named as the letter writes it, its
// nameAsWritten, which is what the corpus writes down.
func partyKey(p domain.PartyInput) string {
	switch {
	case p.Organisation != nil && p.Written != "":
		o := *p.Organisation
		o.Name = p.Written
		return orgKey(&o)
	case p.Person != nil && p.Person.Name == "" && p.Person.ID != "":
		return "id " + p.Person.ID
	case p.Person != nil:
		return "person " + quote(domain.NormalizeName(p.Person.Name))
	case p.Organisation != nil:
		return orgKey(p.Organisation)
	case p.Office != nil:
		return "office " + quote(domain.NormalizeTitle(p.Office.Title))
	case p.ID != "":
		return "id " + p.ID
	}
	return "nobody"
}

func orgKey(o *domain.OrganisationInput) string {
	if o.Name == "" && o.ID != "" {
		return "id " + o.ID
	}
	name := o.Name
	if c, ok := domain.CanonicalCountry(name); ok {
		name = c // a state is one organisation however written: the identity rules' key
	}
	return "organisation " + quote(domain.NormalizeName(name))
}

// officeKey is an office with its organisation, if it names one.
func officeKey(o *domain.OfficeInput) string {
	k := "office " + quote(domain.NormalizeTitle(o.Title))
	if o.Of != nil {
		k += " of " + orgKey(o.Of)
	}
	return k
}

// fold compares free text (capacities, titles used, subjects) without regard to case,
// accents or spacing.
func fold(s string) string { return domain.Fold(domain.CleanText(s)) }

func quote(s string) string { return `"` + s + `"` }
