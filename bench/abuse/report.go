package main

import (
	"cmp"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/lettergraph/lettergraph/bench/internal/stats"
)

// counts lists outcomes, the most frequent first: "200: 1234, 429 rateLimit: 56";
// "0" for none.
func counts(m map[string]int) string {
	keys := slices.SortedFunc(maps.Keys(m), func(a, b string) int {
		return cmp.Or(cmp.Compare(m[b], m[a]), cmp.Compare(a, b))
	})
	if len(keys) == 0 {
		return "0"
	}
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s: %d", k, m[k])
	}
	return strings.Join(parts, ", ")
}

// report prints one Markdown table: a row per kind, the legitimate kinds together,
// and the total.
func report(w io.Writer, ks []kind, ts []tally, took time.Duration, concurrency, floods int) {
	tw := tabwriter.NewWriter(w, 0, 4, 1, ' ', 0)
	fmt.Fprintln(tw, "| kind\t| requests\t| expected outcomes\t| unexpected\t| p50 ms\t| p99 ms\t|")
	fmt.Fprintln(tw, "|---\t|--:\t|---\t|---\t|--:\t|--:\t|")
	var all, legit tally
	for i, k := range ks {
		t := &ts[i]
		unexpected := "0"
		if n := t.unexpectedCount(); n > 0 {
			unexpected = fmt.Sprintf("%d (%s)", n, counts(t.unexpected))
		}
		fmt.Fprintf(tw, "| %s\t| %d\t| %s\t| %s\t| %s\t| %s\t|\n", k.name, t.requests, counts(t.outcomes), unexpected,
			stats.Ms(stats.Quantile(t.latencies, 0.5)), stats.Ms(stats.Quantile(t.latencies, 0.99)))
		all.merge(t)
		if k.legit {
			legit.merge(t)
		}
	}
	fmt.Fprintf(tw, "| **legitimate**\t| %d\t| %s\t| %d\t| %s\t| %s\t|\n", legit.requests, counts(legit.outcomes),
		legit.unexpectedCount(), stats.Ms(stats.Quantile(legit.latencies, 0.5)), stats.Ms(stats.Quantile(legit.latencies, 0.99)))
	fmt.Fprintf(tw, "| **total**\t| %d\t| %d\t| %d\t| %s\t| %s\t|\n", all.requests, all.requests-all.unexpectedCount(),
		all.unexpectedCount(), stats.Ms(stats.Quantile(all.latencies, 0.5)), stats.Ms(stats.Quantile(all.latencies, 0.99)))
	tw.Flush()
	fmt.Fprintf(w, "\n%d requests in %.1f s (%.0f a second) from %d workers, %d of them flooding; %d unexpected.\n",
		all.requests, took.Seconds(), float64(all.requests)/took.Seconds(), concurrency, floods, all.unexpectedCount())
}

// reportPhases prints the phases' table: the legitimate traffic's latencies in
// each, its p99 against the quiet phase's, what the attack came to, and the
// server's largest resident memory.
func reportPhases(w io.Writer, ps []phase, legitWorkers int) {
	tw := tabwriter.NewWriter(w, 0, 4, 1, ' ', 0)
	fmt.Fprintln(tw, "| phase\t| legitimate requests\t| p50 ms\t| p99 ms\t| p99 ÷ quiet\t| attempts\t| attack outcomes\t| unexpected\t| server memory, max MB\t|")
	fmt.Fprintln(tw, "|---\t|--:\t|--:\t|--:\t|--:\t|--:\t|---\t|---\t|--:\t|")
	var quiet time.Duration
	for i, p := range ps {
		p99 := stats.Quantile(p.legit.latencies, 0.99)
		if i == 0 {
			quiet = p99
		}
		ratio := "-"
		if quiet > 0 {
			ratio = fmt.Sprintf("%.2f", float64(p99)/float64(quiet))
		}
		unexpected := p.legit.unexpectedCount() + p.attack.unexpectedCount()
		u := "0"
		if unexpected > 0 {
			u = fmt.Sprintf("%d (%s %s)", unexpected, counts(p.legit.unexpected), counts(p.attack.unexpected))
		}
		attempts, outcomes := "-", "-"
		if i > 0 {
			attempts, outcomes = fmt.Sprint(p.attack.requests), counts(p.attack.outcomes)
		}
		mem := "-"
		if p.maxRSS > 0 {
			mem = fmt.Sprintf("%.0f", float64(p.maxRSS)/(1<<20))
		}
		fmt.Fprintf(tw, "| %s\t| %d\t| %s\t| %s\t| %s\t| %s\t| %s\t| %s\t| %s\t|\n", p.name, p.legit.requests,
			stats.Ms(stats.Quantile(p.legit.latencies, 0.5)), stats.Ms(p99), ratio, attempts, outcomes, u, mem)
	}
	tw.Flush()
	fmt.Fprintf(w, "\nEach phase %.0f s; legitimate traffic from %d workers, each kind with a key of its own; each attack from workers of its own with one reader's key.\n",
		ps[0].took.Seconds(), legitWorkers)
}
