package neo4jstore_test

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/lettergraph/lettergraph/internal/domain"
	"github.com/lettergraph/lettergraph/internal/neo4jstore/neo4jtest"
	"github.com/lettergraph/lettergraph/internal/seed"
)

// expectedDoc is the part of the seed letter's expected.json that the test reads.
type expectedDoc struct {
	Title          string `json:"title"`
	DatePrecision  string `json:"datePrecision"`
	Place          struct{ Name, Country string }
	Language       string `json:"language"`
	SourceFormat   string `json:"sourceFormat"`
	BodyStartsWith string `json:"bodyStartsWith"`
	BodyEndsWith   string `json:"bodyEndsWith"`
	Authors        []struct {
		Person   struct{ Name string }
		Capacity string
		MemberOf struct {
			Organisation struct{ Name string }
			Role         string
		}
	}
	OnBehalfOf []struct{ Organisation struct{ Name string } }
	Recipients []struct {
		Person struct{ Name, Honorific string }
		As     string
		Holds  struct {
			Office struct {
				Title string
				Of    struct{ Name, Kind string }
			}
		}
	}
	CC []struct {
		Office *struct {
			Title string
			Of    struct{ Name string }
		}
		Organisation *struct{ Name, Acronym, Kind string }
	}
	Related []struct{ Title string }
}

func TestSeedLetterMatchesExpected(t *testing.T) {
	store := neo4jtest.Store(t)
	ctx := neo4jtest.Context()
	var want expectedDoc
	if err := json.Unmarshal([]byte(seed.ExpectedJSON), &want); err != nil {
		t.Fatalf("expected.json: %v", err)
	}

	l, created, err := seed.Load(ctx, store)
	if err != nil {
		t.Fatalf("seed.Load: %v", err)
	}
	if !created {
		t.Errorf("created = false, want true on an empty database")
	}

	checks := []struct {
		name      string
		got, want any
	}{
		{"title", l.Title, want.Title},
		{"datePrecision", string(l.DatePrecision), want.DatePrecision},
		{"date", l.Date == nil, true},
		{"language", l.Language, want.Language},
		{"sourceFormat", string(l.SourceFormat), want.SourceFormat},
		{"writtenAt", l.WrittenAt.Name + ", " + l.WrittenAt.Country, want.Place.Name + ", " + want.Place.Country},
		{"body start", strings.HasPrefix(l.Body, want.BodyStartsWith), true},
		{"body end", strings.HasSuffix(l.Body, want.BodyEndsWith), true},
		{"body excludes lead", strings.Contains(l.Body, "The text of the letter is as follows"), false},
		{"body excludes related posts", strings.Contains(l.Body, "Related posts"), false},
		{"authors", len(l.Authors), len(want.Authors)},
		{"recipients", len(l.Recipients), len(want.Recipients)},
		{"cc", len(l.CC), len(want.CC)},
		{"related", len(l.Related), len(want.Related)},
		{"onBehalfOf", len(l.OnBehalfOf), len(want.OnBehalfOf)},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
	if t.Failed() {
		t.FailNow()
	}

	author := l.Authors[0]
	if got, want := author.Correspondent.DisplayName(), want.Authors[0].Person.Name; got != want {
		t.Errorf("author = %q, want %q", got, want)
	}
	if got, want := author.Capacity, want.Authors[0].Capacity; got != want {
		t.Errorf("author capacity = %q, want %q", got, want)
	}
	if got, want := l.OnBehalfOf[0].Name, want.OnBehalfOf[0].Organisation.Name; got != want {
		t.Errorf("onBehalfOf = %q, want %q", got, want)
	}
	rec := l.Recipients[0]
	p, ok := rec.Correspondent.(*domain.Person)
	if !ok {
		t.Fatalf("recipient is %T, want *domain.Person", rec.Correspondent)
	}
	if p.Name != want.Recipients[0].Person.Name || p.Honorific != want.Recipients[0].Person.Honorific {
		t.Errorf("recipient = %q %q, want %q %q", p.Honorific, p.Name, want.Recipients[0].Person.Honorific, want.Recipients[0].Person.Name)
	}
	if got, want := rec.As, want.Recipients[0].As; got != want {
		t.Errorf("recipient as = %q, want %q", got, want)
	}
	for i, w := range want.CC {
		got := l.CC[i]
		if got.Position != i+1 {
			t.Errorf("cc[%d].position = %d, want %d", i, got.Position, i+1)
		}
		switch {
		case w.Office != nil:
			o, ok := got.Correspondent.(*domain.Office)
			if !ok || o.Title != w.Office.Title || o.Organisation == nil || o.Organisation.Name != w.Office.Of.Name {
				t.Errorf("cc[%d] = %#v, want office %q of %q", i, got.Correspondent, w.Office.Title, w.Office.Of.Name)
			}
		case w.Organisation != nil:
			o, ok := got.Correspondent.(*domain.Organisation)
			if !ok || o.Name != w.Organisation.Name || o.Acronym != w.Organisation.Acronym || string(o.Kind) != w.Organisation.Kind {
				t.Errorf("cc[%d] = %#v, want organisation %+v", i, got.Correspondent, *w.Organisation)
			}
		}
	}
	var related []string
	for _, r := range l.Related {
		related = append(related, r.Title)
		if !r.Stub {
			t.Errorf("related %q: stub = false, want true", r.Title)
		}
	}
	for _, w := range want.Related {
		if !slices.Contains(related, w.Title) {
			t.Errorf("related = %q, missing %q", related, w.Title)
		}
	}

	neo4jtest.CheckSeedGraph(t)

	// Importing the same document again creates no node and no relationship.
	nodes, rels := neo4jtest.Counts(t)
	again, created, err := seed.Load(ctx, store)
	if err != nil {
		t.Fatalf("seed.Load again: %v", err)
	}
	if created || again.ID != l.ID {
		t.Errorf("second load: created = %v, id = %s; want false, %s", created, again.ID, l.ID)
	}
	if n2, r2 := neo4jtest.Counts(t); n2 != nodes || r2 != rels {
		t.Errorf("after second load: %d nodes, %d relationships; want %d, %d", n2, r2, nodes, rels)
	}
}
