// Package live delivers the letters added to the store to the subscribers of one
// server process. Every process follows the store's letter feed (domain.LetterFeed)
// by itself, so that several processes behind a load balancer all deliver every
// letter, whichever of them, or which importer, wrote it: the database is the broker.
// A process polls only while it has subscribers, and at once when it has written
// letters itself.
package live

import (
	"context"
	"log/slog"
	"slices"
	"sync"
	"time"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// Defaults of a Hub.
const (
	DefaultInterval = time.Second
	// batch is how many letters one poll reads; a full batch is followed at once by
	// the next.
	batch = 200
	// buffer is how many letters a subscriber may fall behind before it is dropped.
	buffer = 1024
)

// Hub implements domain.LetterStream over a domain.LetterFeed, for subscribers who
// all see the same: restricted letters and blind copies, or neither (Tiered keeps
// one hub of each).
type Hub struct {
	feed     domain.LetterFeed
	sees     bool // the feed is read as a caller who sees restricted letters
	interval time.Duration
	timeout  time.Duration
	log      *slog.Logger
	wake     chan struct{}

	mu      sync.Mutex
	subs    map[*subscriber]struct{}
	cursor  int64 // the position of the last letter delivered
	running bool  // a poll loop is running
}

type subscriber struct {
	ctx       context.Context // the subscription's request, for logs
	involving string
	from      int64 // letters at or before this position came before the subscription
	ch        chan *domain.Letter
	closed    bool
}

// New returns a hub that polls feed every interval (DefaultInterval when zero) while
// it has subscribers; each poll may take up to timeout.
func New(feed domain.LetterFeed, interval, timeout time.Duration, log *slog.Logger) *Hub {
	if interval <= 0 {
		interval = DefaultInterval
	}
	if timeout <= 0 {
		timeout = 30 * time.Second
	}
	return &Hub{feed: feed, interval: interval, timeout: timeout, log: log,
		wake: make(chan struct{}, 1), subs: map[*subscriber]struct{}{}}
}

// Tiered implements domain.LetterStream with a hub for the subscribers who see
// restricted letters and blind copies and another for those who do not, so that the
// store's query, not a filter here, leaves out what a subscriber may not see.
type Tiered struct{ open, restricted *Hub }

// NewTiered returns the two hubs, made as New makes one.
func NewTiered(feed domain.LetterFeed, interval, timeout time.Duration, log *slog.Logger) *Tiered {
	t := &Tiered{open: New(feed, interval, timeout, log), restricted: New(feed, interval, timeout, log)}
	t.restricted.sees = true
	return t
}

// Subscribe implements domain.LetterStream, on the hub of what ctx's caller sees
// (domain.SeesRestricted).
func (t *Tiered) Subscribe(ctx context.Context, involving string) (<-chan *domain.Letter, error) {
	if domain.SeesRestricted(ctx) {
		return t.restricted.Subscribe(ctx, involving)
	}
	return t.open.Subscribe(ctx, involving)
}

// Added implements domain.LetterStream.
func (t *Tiered) Added() {
	t.open.Added()
	t.restricted.Added()
}

// Subscribers returns how many subscriptions are open.
func (t *Tiered) Subscribers() int { return t.open.Subscribers() + t.restricted.Subscribers() }

// Subscribe implements domain.LetterStream. It reads the feed's position first, so
// that the subscriber receives exactly the letters added after it subscribed; the
// error is the store's when that fails.
func (h *Hub) Subscribe(ctx context.Context, involving string) (<-chan *domain.Letter, error) {
	from, err := h.feed.LastAdded(ctx)
	if err != nil {
		return nil, err
	}
	s := &subscriber{ctx: ctx, involving: involving, from: from, ch: make(chan *domain.Letter, buffer)}
	h.mu.Lock()
	if len(h.subs) == 0 && h.cursor < from {
		h.cursor = from // nobody waits for what was added while the hub was idle
	}
	h.subs[s] = struct{}{}
	if !h.running {
		h.running = true
		go h.loop()
	}
	h.mu.Unlock()
	go func() {
		<-ctx.Done()
		h.mu.Lock()
		h.drop(s)
		h.mu.Unlock()
	}()
	return s.ch, nil
}

// Added implements domain.LetterStream.
func (h *Hub) Added() {
	select {
	case h.wake <- struct{}{}:
	default:
	}
}

// Subscribers returns how many subscriptions are open.
func (h *Hub) Subscribers() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.subs)
}

// loop polls while there are subscribers. It ends, under the lock, when there are
// none, so that Subscribe starts a new one exactly when none runs.
func (h *Hub) loop() {
	tick := time.NewTicker(h.interval)
	defer tick.Stop()
	for {
		select {
		case <-tick.C:
		case <-h.wake:
		}
		h.mu.Lock()
		if len(h.subs) == 0 {
			h.running = false
			h.mu.Unlock()
			return
		}
		h.mu.Unlock()
		h.poll()
	}
}

// poll reads what was added since the cursor and hands it out. When the store fails
// it logs and leaves the cursor where it was: the next poll catches up, so a Neo4j
// outage delays letters but loses none.
func (h *Hub) poll() {
	for {
		h.mu.Lock()
		after := h.cursor
		h.mu.Unlock()
		ctx, cancel := context.WithTimeout(domain.WithRestricted(context.Background(), h.sees), h.timeout)
		added, err := h.feed.LettersAdded(ctx, after, batch)
		cancel()
		if err != nil {
			h.log.Warn("reading the letters added", "after", after, "err", err)
			return
		}
		h.deliver(added)
		if len(added) < batch {
			return
		}
	}
}

func (h *Hub) deliver(added []domain.AddedLetter) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for _, a := range added {
		if a.Seq <= h.cursor {
			continue
		}
		h.cursor = a.Seq
		for s := range h.subs {
			if a.Seq <= s.from || !s.wants(a) {
				continue
			}
			select {
			case s.ch <- a.Letter:
			default:
				h.log.WarnContext(s.ctx, "subscriber too slow; ending its subscription", "behind", buffer)
				h.drop(s)
			}
		}
	}
}

// drop ends a subscription; h.mu is held.
func (h *Hub) drop(s *subscriber) {
	if s.closed {
		return
	}
	s.closed = true
	delete(h.subs, s)
	close(s.ch)
}

func (s *subscriber) wants(a domain.AddedLetter) bool {
	return s.involving == "" || slices.Contains(a.Involved, s.involving)
}
