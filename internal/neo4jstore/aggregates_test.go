package neo4jstore_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/lettergraph/lettergraph/internal/domain"
	"github.com/lettergraph/lettergraph/internal/neo4jstore"
	"github.com/lettergraph/lettergraph/internal/neo4jstore/neo4jtest"
)

// TestAggregatesFollowEveryWrite: after a random sequence of every kind of write
// (letters created, open and restricted, with blind copies; blind copies added by a
// second copy of a letter; dates and restriction changed; letters deleted; parties
// added and removed; correspondents merged, unmerged and deleted), the check finds
// no drift, and every read the pairs answer says what counting the letters says,
// for a caller who sees restricted letters and for one who does not.
func TestAggregatesFollowEveryWrite(t *testing.T) {
	kinds, read := map[string]bool{}, map[string]int{}
	for _, seed := range []uint64{1, 2, 3} {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			store := neo4jtest.Store(t)
			w := &randomWriter{t: t, store: store, rng: rand.New(rand.NewPCG(seed, 7))}
			for range 50 {
				w.step()
			}
			for _, k := range w.done {
				kinds[k] = true
			}
			var drift []string
			n, err := store.CheckAggregates(neo4jtest.Context(), false, func(d neo4jstore.Drift) {
				drift = append(drift, fmt.Sprintf("%s %s: stored %v, want %v", d.Aggregate, d.Key, d.Stored, d.Want))
			})
			if err != nil {
				t.Fatal(err)
			}
			if len(drift) > 0 {
				t.Errorf("after %v, drift:\n%s", w.done, strings.Join(drift, "\n"))
			}
			if n == 0 {
				t.Errorf("after %v: no pairs checked", w.done)
			}
			for who, n := range comparePairReads(t, store, w.done) {
				read[who] += n
			}
		})
	}
	// The seeds are to leave pairs for each caller to read.
	for _, who := range []string{"admin", "reader"} {
		if read[who] == 0 {
			t.Errorf("%s: no pairs read after any seed", who)
		}
	}
	// The seeds are to make every kind of write at least once.
	for _, k := range []string{"create", "copy", "restrict", "date", "undate", "delete", "addParty", "removeLink", "merge", "unmerge", "deleteNode"} {
		if !kinds[k] {
			t.Errorf("no seed made a write of kind %s", k)
		}
	}
}

// comparePairReads compares each correspondent's pairs, and the letters each way
// between each two, read from the pairs and counted from the letters, and returns
// how many it read for each caller.
func comparePairReads(t *testing.T, store *neo4jstore.Store, done []string) map[string]int {
	t.Helper()
	var ids []string
	for _, row := range neo4jtest.Exec(t, `MATCH (c:Correspondent) RETURN c.id AS id ORDER BY id`, nil) {
		ids = append(ids, row["id"].(string))
	}
	first := 100
	counts := map[string]int{}
	for _, who := range []struct {
		name string
		ctx  context.Context
	}{{"admin", neo4jtest.Context()}, {"reader", reader}} {
		read := func(tallied bool) []string {
			defer neo4jstore.SetPairsTallied(tallied)()
			var out []string
			for _, a := range ids {
				page, err := store.Pairs(who.ctx, a, domain.PairFilter{}, "", domain.PageRequest{First: &first})
				if err != nil {
					t.Fatal(err)
				}
				for _, p := range page.Pairs {
					out = append(out, fmt.Sprintf("%s-%s: %d letters, %d %d %d %d %d, %s–%s", a, p.Correspondent.NodeID(), p.Letters,
						p.WroteTo, p.ReceivedFrom, p.CopiedOnMine, p.CopiedOnTheirs, p.CopiedAlongside, dateText(p.First), dateText(p.Last)))
				}
				for _, b := range ids {
					if b == a {
						continue
					}
					e, err := store.Exchange(who.ctx, a, b, nil, nil)
					if err != nil {
						t.Fatal(err)
					}
					if e.AToB+e.BToA > 0 {
						out = append(out, fmt.Sprintf("%s=%s: %d, %d", a, b, e.AToB, e.BToA))
					}
				}
			}
			return out
		}
		got, want := read(true), read(false)
		if d := neo4jtest.Diff(want, got, "counted", "tallied"); len(d) > 0 {
			t.Errorf("%s, after %v: the pairs read differ from the letters:\n%s", who.name, done, strings.Join(d, "\n"))
		}
		counts[who.name] = len(want)
	}
	return counts
}

func dateText(d *time.Time) string {
	if d == nil {
		return "-"
	}
	return d.Format(time.DateOnly)
}

// randomWriter makes random writes of every kind that keeps the pairs, as an admin.
type randomWriter struct {
	t       *testing.T
	store   *neo4jstore.Store
	rng     *rand.Rand
	letters []domain.LetterInput // as created, by index
	ids     []string
	merges  []string // changes of the merges not undone
	done    []string
}

var randomNames = []string{"Ada Ames", "Bo Banks", "Cy Cole", "Di Dunn", "Ed Eames", "Flo Fife", "Gus Gray"}

func (w *randomWriter) parties(most int) []domain.PartyInput {
	var out []domain.PartyInput
	for _, i := range w.rng.Perm(len(randomNames))[:w.rng.IntN(most+1)] {
		out = append(out, person(randomNames[i]))
	}
	return out
}

func (w *randomWriter) date() (*time.Time, bool) {
	if w.rng.IntN(4) == 0 {
		return nil, false
	}
	d := time.Date(1900+w.rng.IntN(5), time.Month(1+w.rng.IntN(12)), 1+w.rng.IntN(28), 0, 0, 0, 0, time.UTC)
	return &d, true
}

// letter is the id of a random letter written, if any is left.
func (w *randomWriter) letter() (int, string) {
	for range 5 {
		if len(w.ids) == 0 {
			return -1, ""
		}
		i := w.rng.IntN(len(w.ids))
		if w.ids[i] != "" {
			return i, w.ids[i]
		}
	}
	return -1, ""
}

func (w *randomWriter) correspondent() string {
	// By name first, so that a seed makes the same writes whatever ids it draws.
	rows := neo4jtest.Exec(w.t, `MATCH (c:Person) RETURN c.id AS id ORDER BY c.name, id`, nil)
	if len(rows) == 0 {
		return ""
	}
	return rows[w.rng.IntN(len(rows))]["id"].(string)
}

func (w *randomWriter) step() {
	t := w.t
	t.Helper()
	admin := neo4jtest.Context()
	op := w.rng.IntN(10)
	if len(w.ids) < 4 {
		op = 0
	}
	var err error
	switch op {
	case 0, 1, 2: // a letter
		in := domain.LetterInput{Title: fmt.Sprintf("Letter %d", len(w.letters)), Authors: w.parties(2),
			Recipients: w.parties(3), CC: w.parties(2), Restricted: w.rng.IntN(5) == 0}
		if len(in.Authors) == 0 {
			in.Authors = []domain.PartyInput{person(randomNames[0])}
		}
		if w.rng.IntN(3) == 0 {
			in.BCC = w.parties(2)
		}
		in.Date, _ = w.date()
		var l *domain.Letter
		l, _, err = w.store.CreateLetter(admin, in)
		if err == nil {
			w.letters, w.ids = append(w.letters, in), append(w.ids, l.ID)
		}
		w.done = append(w.done, "create")
	case 3: // the same letter again, with blind copies
		i, _ := w.letter()
		if i < 0 {
			return
		}
		in := w.letters[i]
		in.BCC = append(slices.Clone(in.BCC), w.parties(2)...)
		_, err = w.store.ImportLetters(admin, []domain.LetterInput{in})
		w.done = append(w.done, "copy")
	case 4: // dates or restriction
		_, id := w.letter()
		if id == "" {
			return
		}
		var p domain.LetterPatch
		if w.rng.IntN(2) == 0 {
			r := w.rng.IntN(2) == 0
			p.Restricted = &r
			w.done = append(w.done, "restrict")
		} else if d, ok := w.date(); ok {
			p.Date = d
			w.done = append(w.done, "date")
		} else {
			p.ClearDate = true
			w.done = append(w.done, "undate")
		}
		_, err = w.store.UpdateLetter(admin, id, p)
	case 5: // delete a letter
		i, id := w.letter()
		if id == "" {
			return
		}
		err = w.store.DeleteLetter(admin, id)
		w.ids[i] = ""
		w.done = append(w.done, "delete")
	case 6: // a party added
		_, id := w.letter()
		if id == "" {
			return
		}
		roles := []domain.Role{domain.RoleAuthor, domain.RoleRecipient, domain.RoleCC, domain.RoleBCC}
		_, err = w.store.AddParty(admin, id, roles[w.rng.IntN(len(roles))], person(randomNames[w.rng.IntN(len(randomNames))]), 0)
		w.done = append(w.done, "addParty")
	case 7: // a party removed
		_, id := w.letter()
		if id == "" {
			return
		}
		rows := neo4jtest.Exec(t, `MATCH (c:Correspondent)-[r:WROTE|ADDRESSED_TO|CC|BCC]-(:Letter {id: $id}) RETURN c.id AS cid, type(r) AS kind ORDER BY c.name, kind, cid`,
			map[string]any{"id": id})
		if len(rows) == 0 {
			return
		}
		row := rows[w.rng.IntN(len(rows))]
		kind := domain.LinkKind(row["kind"].(string))
		from, to := row["cid"].(string), id
		if kind != domain.LinkWrote {
			from, to = to, from
		}
		err = w.store.RemoveLink(admin, kind, from, to)
		w.done = append(w.done, "removeLink")
	case 8: // a merge, or one undone
		if len(w.merges) > 0 && w.rng.IntN(2) == 0 {
			k := w.rng.IntN(len(w.merges))
			_, err = w.store.UnmergeCorrespondents(admin, w.merges[k])
			w.merges = slices.Delete(w.merges, k, k+1)
			w.done = append(w.done, "unmerge")
			break
		}
		a, b := w.correspondent(), w.correspondent()
		if a == "" || a == b {
			return
		}
		if _, err = w.store.MergeCorrespondents(admin, a, []string{b}); err == nil {
			changes, herr := w.store.History(admin, a, 1, "")
			if herr != nil || len(changes) == 0 {
				t.Fatalf("the merge's history: %v", herr)
			}
			w.merges = append(w.merges, changes[0].ID)
		}
		w.done = append(w.done, "merge")
	case 9: // a correspondent deleted
		id := w.correspondent()
		if id == "" {
			return
		}
		err = w.store.DeleteNode(admin, id)
		w.done = append(w.done, "deleteNode")
	}
	if err != nil && domain.ErrorCode(err) != domain.CodeConflict && domain.ErrorCode(err) != domain.CodeNotFound {
		t.Fatalf("after %v: %v", w.done, err)
	}
}

// TestMigrationWritesThePairs: a graph written before the pairs existed gets them at
// the next start (Migrate), as the letters say.
func TestMigrationWritesThePairs(t *testing.T) {
	store := neo4jtest.Store(t)
	admin := neo4jtest.Context()
	create(t, store, domain.LetterInput{Title: "Open", Authors: []domain.PartyInput{person("Ada Ames")},
		Recipients: []domain.PartyInput{person("Bo Banks")}, CC: []domain.PartyInput{person("Cy Cole")}})
	create(t, store, domain.LetterInput{Title: "Closed", Restricted: true, Authors: []domain.PartyInput{person("Bo Banks")},
		Recipients: []domain.PartyInput{person("Di Dunn")}})
	count := func() int64 {
		t.Helper()
		return neo4jtest.Exec(t, `MATCH ()-[p:PAIR|OPEN_PAIR]->() RETURN count(p) AS n`, nil)[0]["n"].(int64)
	}
	want := count()
	neo4jtest.Exec(t, `MATCH ()-[p:PAIR|OPEN_PAIR]->() DELETE p`, nil)
	neo4jtest.Exec(t, `MATCH (m:Migration {name: 'pairs-1'}) DELETE m`, nil)
	if err := store.Migrate(admin); err != nil {
		t.Fatal(err)
	}
	if got := count(); got != want || want != 7 {
		t.Errorf("pairs after the migration: %d, want %d (and 7: the open letter's three pairs, both kinds, and the restricted one's)", got, want)
	}
	n, err := store.CheckAggregates(admin, false, func(d neo4jstore.Drift) { t.Errorf("drift after the migration: %+v", d) })
	if err != nil || n == 0 {
		t.Errorf("CheckAggregates: %d checked, %v", n, err)
	}
}
