package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"text/tabwriter"
	"time"

	"github.com/lettergraph/lettergraph/bench/internal/stats"
)

// sample is what one run measured.
type sample struct {
	took      time.Duration
	latencies []time.Duration // of the requests that succeeded
	errors    int
	firstErr  error
	peakRSS   int64         // bytes, 0 when not measured
	cpu       time.Duration // the process's CPU time (user and system) over the run, 0 when not measured
}

// run drives t with o from c workers for d, while watching the memory of its process.
func run(ctx context.Context, t target, o op, c int, d time.Duration) sample {
	stop := make(chan struct{})
	peak := make(chan int64, 1)
	go func() { peak <- watchRSS(t.processID(), stop) }()
	cpu0 := cpuTime(t.processID())
	var mu sync.Mutex
	var s sample
	var calls atomic.Int64
	start := time.Now()
	deadline := start.Add(d)
	var wg sync.WaitGroup
	for range c {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var mine []time.Duration
			var errs int
			var first error
			for time.Now().Before(deadline) {
				t0 := time.Now()
				if err := t.do(ctx, o, calls.Add(1)); err != nil {
					errs++
					if first == nil {
						first = err
					}
					continue
				}
				mine = append(mine, time.Since(t0))
			}
			mu.Lock()
			s.latencies = append(s.latencies, mine...)
			s.errors += errs
			if s.firstErr == nil {
				s.firstErr = first
			}
			mu.Unlock()
		}()
	}
	wg.Wait()
	s.took = time.Since(start)
	if t.processID() != 0 {
		s.cpu = cpuTime(t.processID()) - cpu0
	}
	close(stop)
	s.peakRSS = <-peak
	if s.firstErr != nil {
		fmt.Fprintf(os.Stderr, "  %d errors, the first: %v\n", s.errors, s.firstErr)
	}
	return s
}

// watchRSS samples the resident memory of process pid every 50 ms until stop, and
// returns the most it saw (0 for pid 0).
func watchRSS(pid int, stop <-chan struct{}) int64 {
	if pid == 0 {
		<-stop
		return 0
	}
	var most int64
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	for {
		most = max(most, rss(pid))
		select {
		case <-stop:
			return max(most, rss(pid))
		case <-tick.C:
		}
	}
}

// rss reads VmRSS from /proc/pid/status, in bytes.
func rss(pid int) int64 {
	f, err := os.Open("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmRSS:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			return kb * 1024
		}
	}
	return 0
}

// clockTick is the unit of /proc's CPU times (USER_HZ, 100 on Linux).
const clockTick = 10 * time.Millisecond

// cpuTime reads the CPU time process pid has used, user and system, from
// /proc/pid/stat (0 for pid 0 or when it cannot be read). Under a load that shares
// the machine, CPU per request varies less than throughput does.
func cpuTime(pid int) time.Duration {
	if pid == 0 {
		return 0
	}
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return 0
	}
	// The fields after the command's closing parenthesis: state is the first,
	// utime and stime the 12th and 13th (fields 14 and 15 of proc(5)).
	_, rest, ok := strings.Cut(string(b), ") ")
	f := strings.Fields(rest)
	if !ok || len(f) < 13 {
		return 0
	}
	utime, _ := strconv.ParseInt(f[11], 10, 64)
	stime, _ := strconv.ParseInt(f[12], 10, 64)
	return time.Duration(utime+stime) * clockTick
}

type cellKey struct {
	op     string
	conc   int
	target string
}

// cell pools the samples of one operation, concurrency and target over the rounds.
type cell struct {
	took      time.Duration
	latencies []time.Duration
	errors    int
	peakRSS   int64
	cpu       time.Duration
}

func (c *cell) add(s sample) {
	c.took += s.took
	c.latencies = append(c.latencies, s.latencies...)
	c.errors += s.errors
	c.peakRSS = max(c.peakRSS, s.peakRSS)
	c.cpu += s.cpu
}

// cpuPerRequest is the server's CPU time per request, in ms ("–" when not measured).
func (c *cell) cpuPerRequest() string {
	n := len(c.latencies) + c.errors
	if c.cpu == 0 || n == 0 {
		return "–"
	}
	return fmt.Sprintf("%.2f", float64(c.cpu)/float64(time.Millisecond)/float64(n))
}

func (c *cell) throughput() float64 { return float64(len(c.latencies)) / c.took.Seconds() }

func (c *cell) quantile(q float64) time.Duration { return stats.Quantile(c.latencies, q) }

// report prints the figures and the ratios as Markdown tables.
func report(w io.Writer, label string, ops []op, levels []int, names []string, results map[cellKey]*cell) {
	if label != "" {
		fmt.Fprintf(w, "### %s\n\n", label)
	}
	tw := tabwriter.NewWriter(w, 0, 4, 1, ' ', 0)
	fmt.Fprintln(tw, "| operation\t| conc.\t| target\t| req/s\t| p50 ms\t| p99 ms\t| errors\t| peak RSS MB\t| CPU ms/req\t|")
	fmt.Fprintln(tw, "|---\t|---\t|---\t|---\t|---\t|---\t|---\t|---\t|---\t|")
	for _, o := range ops {
		for _, c := range levels {
			for _, name := range names {
				r := results[cellKey{o.name, c, name}]
				if r == nil {
					continue
				}
				mem := "–"
				if r.peakRSS > 0 {
					mem = fmt.Sprintf("%.0f", float64(r.peakRSS)/(1<<20))
				}
				fmt.Fprintf(tw, "| %s\t| %d\t| %s\t| %.1f\t| %s\t| %s\t| %d\t| %s\t| %s\t|\n", o.name, c, name,
					r.throughput(), stats.Ms(r.quantile(0.5)), stats.Ms(r.quantile(0.99)), r.errors, mem, r.cpuPerRequest())
			}
		}
	}
	tw.Flush()
	fmt.Fprintln(w)
	tw = tabwriter.NewWriter(w, 0, 4, 1, ' ', 0)
	fmt.Fprintln(tw, "| operation\t| conc.\t| peer\t| throughput lettergraph/peer\t| p99 lettergraph/peer\t| throughput lettergraph/raw driver\t|")
	fmt.Fprintln(tw, "|---\t|---\t|---\t|---\t|---\t|---\t|")
	ratio := func(a, b float64) string {
		if b == 0 {
			return "–"
		}
		return fmt.Sprintf("%.2f", a/b)
	}
	for _, o := range ops {
		for _, c := range levels {
			lg := results[cellKey{o.name, c, "lettergraph"}]
			if lg == nil {
				continue
			}
			vsRaw := "–"
			if raw := results[cellKey{o.name, c, "raw driver"}]; raw != nil {
				vsRaw = ratio(lg.throughput(), raw.throughput())
			}
			rows := 0
			for _, name := range names { // a line for each of the peer's forms of o
				peer := results[cellKey{o.name, c, name}]
				if !strings.HasPrefix(name, "peer") || peer == nil {
					continue
				}
				rows++
				fmt.Fprintf(tw, "| %s\t| %d\t| %s\t| %s\t| %s\t| %s\t|\n", o.name, c, name,
					ratio(lg.throughput(), peer.throughput()), ratio(float64(lg.quantile(0.99)), float64(peer.quantile(0.99))), vsRaw)
			}
			if rows == 0 {
				fmt.Fprintf(tw, "| %s\t| %d\t| –\t| –\t| –\t| %s\t|\n", o.name, c, vsRaw)
			}
		}
	}
	tw.Flush()
}
