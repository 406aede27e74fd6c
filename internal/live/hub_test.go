package live

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// memFeed is a feed held in memory: the hub's logic (cursor, filter, slow
// subscribers, failures) tested on its own. The Neo4j feed is tested in neo4jstore,
// and the whole path end to end in server and cmd/lettergraph.
type memFeed struct {
	mu     sync.Mutex
	added  []domain.AddedLetter
	fail   bool
	polls  int      // calls of LettersAdded, failed ones included
	failed int      // calls of LettersAdded that failed
	read   []string // titles of the letters LettersAdded handed out, in order
}

func (f *memFeed) add(title string, involved ...string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.added = append(f.added, domain.AddedLetter{Seq: int64(len(f.added) + 1),
		Letter: &domain.Letter{Title: title}, Involved: involved})
}

func (f *memFeed) LastAdded(context.Context) (int64, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return int64(len(f.added)), nil
}

func (f *memFeed) LettersAdded(_ context.Context, after int64, limit int) ([]domain.AddedLetter, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.polls++
	if f.fail {
		f.failed++
		return nil, errors.New("store down")
	}
	end := min(int(after)+limit, len(f.added))
	out := append([]domain.AddedLetter(nil), f.added[after:end]...)
	for _, a := range out {
		f.read = append(f.read, a.Letter.Title)
	}
	return out, nil
}

// counts returns how many reads the feed has answered, how many of them failed, and
// how many letters it has handed out.
func (f *memFeed) counts() (polls, failed, read int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.polls, f.failed, len(f.read)
}

func (f *memFeed) setFail(fail bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.fail = fail
}

// readSince returns the titles of the letters handed out after the first n.
func (f *memFeed) readSince(n int) []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.read[n:]...)
}

func newHub(feed *memFeed) *Hub {
	return New(feed, 10*time.Millisecond, time.Second, slog.New(slog.NewTextHandler(io.Discard, nil)))
}

// receive reads n letters' titles from ch, failing after a second.
func receive(tb testing.TB, ch <-chan *domain.Letter, n int) []string {
	tb.Helper()
	var got []string
	for len(got) < n {
		select {
		case l, ok := <-ch:
			if !ok {
				tb.Fatalf("channel closed after %q, want %d letters", got, n)
			}
			got = append(got, l.Title)
		case <-time.After(time.Second):
			tb.Fatalf("got %q, want %d letters", got, n)
		}
	}
	return got
}

// quiet checks that nothing more is delivered on ch: it waits for two more reads of
// the feed, not for a while. The hub polls in one goroutine, so the second read
// begins only once the first, which began after quiet was called and saw every
// letter added before, has been handed out.
func quiet(tb testing.TB, feed *memFeed, ch <-chan *domain.Letter) {
	tb.Helper()
	from, _, _ := feed.counts()
	waitFor(tb, func() bool { polls, _, _ := feed.counts(); return polls >= from+2 })
	select {
	case l, ok := <-ch:
		if ok {
			tb.Errorf("got %q, want nothing more", l.Title)
		}
	default:
	}
}

func TestHubDeliversEachLetterOnceFromSubscription(t *testing.T) {
	feed := &memFeed{}
	feed.add("before")
	hub := newHub(feed)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	all, err := hub.Subscribe(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	ana, err := hub.Subscribe(ctx, "ana")
	if err != nil {
		t.Fatal(err)
	}
	feed.add("one", "ana", "bob")
	feed.add("two", "bob")
	hub.Added()
	if got, want := receive(t, all, 2), []string{"one", "two"}; got[0] != want[0] || got[1] != want[1] {
		t.Errorf("all: got %q, want %q", got, want)
	}
	if got := receive(t, ana, 1); got[0] != "one" {
		t.Errorf("involving ana: got %q, want [one]", got)
	}
	quiet(t, feed, all)
	quiet(t, feed, ana)

	// A late subscriber starts from its own subscription, not the hub's cursor.
	late, err := hub.Subscribe(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	feed.add("three")
	if got := receive(t, late, 1); got[0] != "three" {
		t.Errorf("late subscriber: got %q, want [three]", got)
	}
	if got := receive(t, all, 1); got[0] != "three" {
		t.Errorf("all, third letter: got %q, want [three]", got)
	}
}

// TestHubIdleSkipsWhatNobodyWaitedFor: a hub that had no subscribers does not read
// the letters added meanwhile when one subscribes again. Nobody can receive them
// (each subscriber starts from its own subscription), and after an import while the
// hub was idle they are thousands: a hub that read them would send Neo4j query after
// query, a batch at a time, to hand out nothing. So the test counts what the hub read,
// not only what it delivered, which is the same either way.
func TestHubIdleSkipsWhatNobodyWaitedFor(t *testing.T) {
	feed := &memFeed{}
	hub := newHub(feed)
	ctx, cancel := context.WithCancel(context.Background())
	first, _ := hub.Subscribe(ctx, "")
	feed.add("seen")
	receive(t, first, 1)
	cancel()
	// Idle: no subscriber, and the poll loop has ended.
	waitFor(t, func() bool {
		hub.mu.Lock()
		defer hub.mu.Unlock()
		return len(hub.subs) == 0 && !hub.running
	})
	const idle = 3 * batch // more than one read takes
	for range idle {
		feed.add("while idle")
	}
	_, _, readBefore := feed.counts()

	ctx2, cancel2 := context.WithCancel(context.Background())
	defer cancel2()
	again, _ := hub.Subscribe(ctx2, "")
	feed.add("after")
	if got := receive(t, again, 1); got[0] != "after" {
		t.Errorf("after an idle spell: got %q, want [after]", got)
	}
	if got := feed.readSince(readBefore); len(got) != 1 || got[0] != "after" {
		t.Errorf("after an idle spell the hub read %d letters (%d of them added while it was idle), want only [after]",
			len(got), countOf(got, "while idle"))
	}
}

func countOf(titles []string, title string) int {
	n := 0
	for _, t := range titles {
		if t == title {
			n++
		}
	}
	return n
}

// TestHubCatchesUpAfterStoreFailure: a letter added while the store fails is
// delivered once it answers again: a failed read does not move the cursor.
func TestHubCatchesUpAfterStoreFailure(t *testing.T) {
	feed := &memFeed{}
	hub := newHub(feed)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ch, _ := hub.Subscribe(ctx, "")
	feed.setFail(true)
	feed.add("during the outage")
	// A read that would have found the letter has failed.
	_, failedBefore, _ := feed.counts()
	waitFor(t, func() bool { _, failed, _ := feed.counts(); return failed > failedBefore })
	feed.setFail(false)
	if got := receive(t, ch, 1); got[0] != "during the outage" {
		t.Errorf("after the outage: got %q", got)
	}
}

func TestHubDropsSlowSubscriber(t *testing.T) {
	feed := &memFeed{}
	hub := newHub(feed)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	slow, _ := hub.Subscribe(ctx, "")
	for range buffer + 1 {
		feed.add("x")
	}
	hub.Added()
	waitFor(t, func() bool { return hub.Subscribers() == 0 })
	n := 0
	for range slow {
		n++
	}
	if n != buffer {
		t.Errorf("the slow subscriber got %d letters before its channel closed, want %d", n, buffer)
	}
}

func waitFor(tb testing.TB, cond func() bool) {
	tb.Helper()
	deadline := time.Now().Add(time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			tb.Fatal("condition not met within a second")
		}
		time.Sleep(5 * time.Millisecond)
	}
}
