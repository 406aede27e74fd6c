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
	mu    sync.Mutex
	added []domain.AddedLetter
	fail  bool
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
	if f.fail {
		return nil, errors.New("store down")
	}
	end := min(int(after)+limit, len(f.added))
	return append([]domain.AddedLetter(nil), f.added[after:end]...), nil
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

func quiet(tb testing.TB, ch <-chan *domain.Letter) {
	tb.Helper()
	select {
	case l, ok := <-ch:
		if ok {
			tb.Errorf("got %q, want nothing more", l.Title)
		}
	case <-time.After(50 * time.Millisecond):
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
	quiet(t, all)
	quiet(t, ana)

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

func TestHubIdleSkipsWhatNobodyWaitedFor(t *testing.T) {
	feed := &memFeed{}
	hub := newHub(feed)
	ctx, cancel := context.WithCancel(context.Background())
	first, _ := hub.Subscribe(ctx, "")
	feed.add("seen")
	receive(t, first, 1)
	cancel()
	waitFor(t, func() bool { return hub.Subscribers() == 0 })
	feed.add("while idle")
	time.Sleep(30 * time.Millisecond)

	ctx2, cancel2 := context.WithCancel(context.Background())
	defer cancel2()
	again, _ := hub.Subscribe(ctx2, "")
	feed.add("after")
	if got := receive(t, again, 1); got[0] != "after" {
		t.Errorf("after an idle spell: got %q, want [after]", got)
	}
}

func TestHubCatchesUpAfterStoreFailure(t *testing.T) {
	feed := &memFeed{}
	hub := newHub(feed)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ch, _ := hub.Subscribe(ctx, "")
	feed.mu.Lock()
	feed.fail = true
	feed.mu.Unlock()
	feed.add("during the outage")
	time.Sleep(50 * time.Millisecond)
	feed.mu.Lock()
	feed.fail = false
	feed.mu.Unlock()
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
