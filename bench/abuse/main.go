// Command abuse is a bounded security load run: for a fixed time, workers send a
// lettergraph server on loopback a weighted mix of legitimate requests (reads with a
// reader's key, createLetter with an editor's) and abusive ones (no token, an unknown
// token, a reader's mutation, bodies, aliases, depth, cost and tokens past the
// limits, a JSON array batch, introspection in production mode, and one key
// flooding far over its rate). Each kind of request has the outcomes it may have: a
// good answer, or the error the documentation gives for that limit, and for every
// caller with a key the rate limit's 429 with Retry-After. It prints one Markdown
// table of requests, outcomes, unexpected outcomes, p50 and p99 by kind, and exits
// 1 if any outcome was unexpected (another status or code, a 5xx, INTERNAL, a
// transport error, a timeout).
//
//	go run ./bench/abuse -print-keys        # the API keys it needs: name and role
//	go run ./bench/abuse -url http://127.0.0.1:8080 -keys keys.txt -duration 20s
//
// The server must run in production mode with ANONYMOUS_ROLE=none and those keys in
// API_KEYS. scripts/abuse-load.sh sets everything up and runs it; see bench/README.md.
package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/lettergraph/lettergraph/bench/internal/gql"
)

func main() {
	base := flag.String("url", "http://127.0.0.1:8080", "the server's base URL; its host must be loopback")
	keysFile := flag.String("keys", "", "file of the API keys, one \"NAME KEY\" a line, for the names -print-keys lists")
	printKeys := flag.Bool("print-keys", false, "print the API keys the run needs, one \"NAME ROLE\" a line, and exit")
	duration := flag.Duration("duration", 20*time.Second, "how long to send requests")
	concurrency := flag.Int("concurrency", 16, "workers sending requests at once")
	floods := flag.Int("flood", 4, "how many of the workers flood from one key")
	maxBody := flag.Int("max-body-bytes", 1<<20, "the server's MAX_BODY_BYTES")
	timeout := flag.Duration("timeout", 10*time.Second, "a request not answered within this is a timeout (unexpected)")
	seed := flag.Uint64("seed", 1, "seed of the mix")
	phaseTime := flag.Duration("phase", 10*time.Second, "how long each phase runs after the mix (quiet, then each attack); 0 for none")
	serverPID := flag.Int("server-pid", 0, "the server's process id, for its resident memory in each phase (Linux)")
	streams := flag.Int("streams-per-client", 8, "the server's STREAMS_PER_CLIENT")
	phaseWorkers := flag.Int("phase-workers", 4, "workers sending the legitimate kinds in each phase")
	flag.Parse()

	allNeeds := func() []keyNeed {
		ns := needs(kinds(gql.Correspondents{Others: make([]string, 5)}, 0))
		for _, k := range attackKeys {
			ns = append(ns, keyNeed{name: k, role: "reader"})
		}
		return ns
	}
	if *printKeys {
		for _, n := range allNeeds() {
			fmt.Println(n.name, n.role)
		}
		return
	}
	if *duration <= 0 || *floods < 0 || *concurrency <= *floods {
		log.Fatal("-duration must be positive, and -concurrency more than -flood")
	}
	if err := loopback(*base); err != nil {
		log.Fatal(err)
	}
	keys, err := readKeys(*keysFile)
	if err != nil {
		log.Fatal(err)
	}
	for _, n := range allNeeds() {
		if keys[n.name] == "" {
			log.Fatalf("-keys: no key named %q (a %s)", n.name, n.role)
		}
	}
	endpoint := strings.TrimSuffix(*base, "/") + "/graphql"
	client := &http.Client{Timeout: *timeout, Transport: &http.Transport{
		MaxIdleConns: 2 * *concurrency, MaxIdleConnsPerHost: 2 * *concurrency}}
	ctx := context.Background()

	id, err := gql.Busiest(ctx, withKey(client, keys["reader-letters"]), endpoint)
	if err != nil {
		log.Fatalf("finding correspondents to ask about: %v", err)
	}
	ks := kinds(id, *maxBody)
	fmt.Fprintf(os.Stderr, "abuse: %d kinds of request from %d workers (%d flooding) for %s against %s\n",
		len(ks), *concurrency, *floods, *duration, endpoint)
	ts, took := run(ctx, client, endpoint, ks, keys, *concurrency, *floods, *duration, *seed)
	report(os.Stdout, ks, ts, took, *concurrency, *floods)
	failed := false
	for _, t := range ts {
		failed = failed || t.unexpectedCount() > 0
	}
	if *phaseTime > 0 {
		e := &attackEnv{client: client, base: strings.TrimSuffix(*base, "/"), keys: keys, id: id}
		if e.isolated, err = isolatedCorrespondent(ctx, e); err != nil {
			log.Fatalf("writing a correspondent of the run's own: %v", err)
		}
		as := attacks(*streams)
		legitWorkers := *phaseWorkers
		fmt.Fprintf(os.Stderr, "abuse: %d phases of %s, %d legitimate workers\n", len(as)+1, *phaseTime, legitWorkers)
		ps := runPhases(ctx, e, ks, as, legitWorkers, *phaseTime, *serverPID, *seed)
		fmt.Println()
		reportPhases(os.Stdout, ps, legitWorkers)
		for _, p := range ps {
			failed = failed || p.legit.unexpectedCount() > 0 || p.attack.unexpectedCount() > 0
		}
	}
	if failed {
		os.Exit(1)
	}
}

// loopback refuses a URL whose host is not a loopback address or localhost: the run
// floods its target, which must be a server of one's own on this machine.
func loopback(raw string) error {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("-url %q is not an http URL such as http://127.0.0.1:8080", raw)
	}
	host := u.Hostname()
	if ip := net.ParseIP(host); host == "localhost" || (ip != nil && ip.IsLoopback()) {
		return nil
	}
	return fmt.Errorf("-url %q: the host is not loopback; this run only drives a server on this machine", raw)
}

// readKeys reads "NAME KEY" lines.
func readKeys(path string) (map[string]string, error) {
	if path == "" {
		return nil, fmt.Errorf("-keys is required (see -print-keys)")
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	keys := map[string]string{}
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		fields := strings.Fields(sc.Text())
		if len(fields) == 0 {
			continue
		}
		if len(fields) != 2 {
			return nil, fmt.Errorf("%s:%d: want NAME KEY", path, line)
		}
		keys[fields[0]] = fields[1]
	}
	return keys, sc.Err()
}

// withKey is client sending key as a bearer token.
func withKey(client *http.Client, key string) *http.Client {
	c := *client
	c.Transport = bearerTransport{key: key, next: client.Transport}
	return &c
}

type bearerTransport struct {
	key  string
	next http.RoundTripper
}

func (t bearerTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.Header.Set("Authorization", "Bearer "+t.key)
	return t.next.RoundTrip(r)
}
