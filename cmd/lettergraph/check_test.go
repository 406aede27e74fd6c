package main_test

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/lettergraph/lettergraph/internal/domain"
	"github.com/lettergraph/lettergraph/internal/neo4jstore/neo4jtest"
)

// TestCheckFindsAndRepairsDrift: `lettergraph check` finds a pair whose count was
// changed behind the store's back, and one that went missing, and exits with an
// error; `check --repair` writes them again; a second check finds nothing.
func TestCheckFindsAndRepairsDrift(t *testing.T) {
	store := neo4jtest.Store(t)
	ctx := neo4jtest.Context()
	person := func(name string) domain.PartyInput { return domain.PartyInput{Person: &domain.PersonInput{Name: name}} }
	for _, title := range []string{"One", "Two"} {
		if _, _, err := store.CreateLetter(ctx, domain.LetterInput{Title: title, Authors: []domain.PartyInput{person("Ada Ames")},
			Recipients: []domain.PartyInput{person("Bo Banks"), person("Cy Cole")}}); err != nil {
			t.Fatal(err)
		}
	}
	bin := build(t)
	check := func(args ...string) (string, error) {
		t.Helper()
		cmd := exec.Command(bin, append([]string{"check"}, args...)...)
		cmd.Env = env(t)
		out, err := cmd.Output()
		return string(out), err
	}
	if out, err := check(); err != nil || !strings.Contains(out, "no drift") {
		t.Fatalf("check of a graph the store wrote: %v\n%s", err, out)
	}
	neo4jtest.Exec(t, `MATCH (:Person {name: 'Ada Ames'})-[p:PAIR]-(:Person {name: 'Bo Banks'}) SET p.letters = 7`, nil)
	neo4jtest.Exec(t, `MATCH (:Person {name: 'Bo Banks'})-[p:OPEN_PAIR]-(:Person {name: 'Cy Cole'}) DELETE p`, nil)
	out, err := check()
	if err == nil {
		t.Errorf("check of a graph with drift: no error\n%s", out)
	}
	if got := strings.Count(out, "drift: pairs "); got != 2 {
		t.Errorf("check reported %d drifted pairs, want 2:\n%s", got, out)
	}
	if out, err := check("--repair"); err != nil || !strings.Contains(out, "2 drifted and are repaired") {
		t.Fatalf("check --repair: %v\n%s", err, out)
	}
	if out, err := check(); err != nil || !strings.Contains(out, "no drift") {
		t.Errorf("check after the repair: %v\n%s", err, out)
	}
}
