package server

import (
	"bytes"
	"encoding/json"
	"io"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"sync"
	"time"

	lru "github.com/hashicorp/golang-lru/v2"
	"github.com/rs/cors"
	"golang.org/x/time/rate"

	"github.com/lettergraph/lettergraph/internal/auth"
	"github.com/lettergraph/lettergraph/internal/domain"
)

// writeError answers a request refused before GraphQL sees it with status and a
// GraphQL error response of one error with code, if given the limit it names, and the
// request's id (withRequestLog has set it on the answer's X-Request-Id already).
func writeError(w http.ResponseWriter, status int, code domain.Code, limit, msg string) {
	ext := map[string]any{"code": string(code)}
	if limit != "" {
		ext["limit"] = limit
	}
	if id := w.Header().Get("X-Request-Id"); id != "" {
		ext["requestId"] = id
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]any{"errors": []map[string]any{{"message": msg, "extensions": ext}}})
}

// writeLimitError refuses a request past a limit: LIMIT_EXCEEDED naming it.
func writeLimitError(w http.ResponseWriter, status int, limit, msg string) {
	writeError(w, status, domain.CodeLimitExceeded, limit, msg)
}

// withBodyLimit refuses a request whose body is larger than max bytes with 413,
// before anything parses it: a declared length at once, a chunked body once max
// bytes have been read.
func withBodyLimit(max int64, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Body == nil || r.Method == http.MethodGet || r.Method == http.MethodOptions {
			next.ServeHTTP(w, r)
			return
		}
		tooLarge := func() {
			writeLimitError(w, http.StatusRequestEntityTooLarge, "maxBodyBytes",
				"the request body is larger than maxBodyBytes ("+strconv.FormatInt(max, 10)+")")
		}
		if r.ContentLength > max {
			tooLarge()
			return
		}
		body, err := io.ReadAll(io.LimitReader(r.Body, max+1))
		if err != nil {
			writeError(w, http.StatusBadRequest, "BAD_REQUEST", "", "cannot read the request body")
			return
		}
		if int64(len(body)) > max {
			tooLarge()
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		next.ServeHTTP(w, r)
	})
}

// rateLimiter allows each client (clientKey) rate requests a second on average and
// burst at once; beyond that it answers 429 with Retry-After. It remembers at most a
// number of clients, forgetting the least recently seen first: a client forgotten
// starts again with a full burst, as one unseen for a while would.
type rateLimiter struct {
	rate    rate.Limit
	burst   int
	proxies forwarded

	mu      sync.Mutex
	clients *lru.Cache[string, *rate.Limiter]
}

func newRateLimiter(perSecond float64, burst, clients int, proxies forwarded) *rateLimiter {
	cache, err := lru.New[string, *rate.Limiter](clients)
	if err != nil {
		panic(err) // clients < 1, which config.Validate refuses
	}
	return &rateLimiter{rate: rate.Limit(perSecond), burst: burst, proxies: proxies, clients: cache}
}

// wait reserves a request for key and says how long the client must wait first (0:
// go on).
func (l *rateLimiter) wait(key string, now time.Time) time.Duration {
	l.mu.Lock()
	defer l.mu.Unlock()
	c, ok := l.clients.Get(key)
	if !ok {
		c = rate.NewLimiter(l.rate, l.burst)
		l.clients.Add(key, c)
	}
	res := c.ReserveN(now, 1)
	if d := res.DelayFrom(now); d > 0 {
		res.CancelAt(now) // a refused request costs nothing
		return d
	}
	return 0
}

func (l *rateLimiter) middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !l.over(w, r) {
			next.ServeHTTP(w, r)
		}
	})
}

// over takes a request from its client's allowance; when there is none left it
// answers 429 with Retry-After and reports true. A nil limiter never refuses.
func (l *rateLimiter) over(w http.ResponseWriter, r *http.Request) bool {
	if l == nil {
		return false
	}
	d := l.wait(clientKey(r, l.proxies), time.Now())
	if d <= 0 {
		return false
	}
	w.Header().Set("Retry-After", strconv.Itoa(int(math.Ceil(d.Seconds()))))
	writeLimitError(w, http.StatusTooManyRequests, "rateLimit", "too many requests from this client; try again after Retry-After seconds")
	return true
}

// clientKey names the client a request comes from: the caller a token authenticated,
// else its address (forwarded.client).
func clientKey(r *http.Request, proxies forwarded) string {
	if p, ok := auth.FromContext(r.Context()); ok && p.Subject != "anonymous" {
		return p.Subject
	}
	return proxies.client(r)
}

// withCORS lets the pages of origins call the API from a browser: GET and POST with
// the headers a GraphQL client sends. Without origins it adds nothing, and browsers
// keep other origins' pages from reading the answers.
func withCORS(origins []string, next http.Handler) http.Handler {
	if len(origins) == 0 {
		return next
	}
	return cors.New(cors.Options{
		AllowedOrigins: origins,
		AllowedMethods: []string{http.MethodGet, http.MethodPost, http.MethodOptions},
		AllowedHeaders: []string{"Content-Type", "Authorization", "Accept"},
		MaxAge:         600,
	}).Handler(next)
}

// originHosts are the hosts of origins, as the websocket library's origin patterns
// take them: a websocket from a page of another origin is refused.
func originHosts(origins []string) []string {
	var hosts []string
	for _, o := range origins {
		if u, err := url.Parse(o); err == nil && u.Host != "" {
			hosts = append(hosts, u.Host)
		}
	}
	return hosts
}
