package server

import (
	"net/http/httptest"
	"net/netip"
	"strconv"
	"testing"
	"time"
)

func TestClientBehindProxies(t *testing.T) {
	ranges := []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8"), netip.MustParsePrefix("2001:db8:ffff::/48")}
	tests := []struct {
		name    string
		proxies forwarded
		peer    string
		xff     []string
		want    string
	}{
		{"no trust: the peer, whatever the header says", forwarded{}, "203.0.113.9:4000", []string{"198.51.100.1"}, "203.0.113.9"},
		{"one hop: the address the proxy appended", forwarded{trust: true, hops: 1}, "10.0.0.2:80", []string{"198.51.100.1"}, "198.51.100.1"},
		{"one hop: a forged entry before it is ignored", forwarded{trust: true, hops: 1}, "10.0.0.2:80", []string{"192.0.2.66, 198.51.100.1"}, "198.51.100.1"},
		{"one hop: forged headers before the proxy's line", forwarded{trust: true, hops: 1}, "10.0.0.2:80", []string{"192.0.2.66", "198.51.100.1"}, "198.51.100.1"},
		{"two hops: the outer proxy's entry", forwarded{trust: true, hops: 2}, "10.0.0.2:80", []string{"192.0.2.66, 198.51.100.1, 10.0.0.7"}, "198.51.100.1"},
		{"two hops, a shorter chain: its first", forwarded{trust: true, hops: 2}, "10.0.0.2:80", []string{"198.51.100.1"}, "198.51.100.1"},
		{"no header: the peer", forwarded{trust: true, hops: 1}, "203.0.113.9:4000", nil, "203.0.113.9"},
		{"the vouched entry is no address: the peer", forwarded{trust: true, hops: 1}, "10.0.0.2:80", []string{"198.51.100.1, garbage"}, "10.0.0.2"},
		{"an entry with a port", forwarded{trust: true, hops: 1}, "10.0.0.2:80", []string{"198.51.100.1:5555"}, "198.51.100.1"},
		{"ranges: the last address outside them", forwarded{trust: true, hops: 1, ranges: ranges}, "10.0.0.2:80", []string{"192.0.2.66, 198.51.100.1, 10.1.2.3"}, "198.51.100.1"},
		{"ranges: a peer outside them is the client", forwarded{trust: true, hops: 1, ranges: ranges}, "203.0.113.9:4000", []string{"198.51.100.1"}, "203.0.113.9"},
		{"ranges: all trusted, the first", forwarded{trust: true, hops: 1, ranges: ranges}, "10.0.0.2:80", []string{"10.9.9.9, 10.1.2.3"}, "10.9.9.9"},
		{"IPv6: by its /64", forwarded{}, "[2001:db8:1:2:3:4:5:6]:443", nil, "2001:db8:1:2::/64"},
		{"IPv6 behind a proxy, mapped IPv4 read as IPv4", forwarded{trust: true, hops: 1}, "[2001:db8:ffff::1]:80", []string{"::ffff:198.51.100.1"}, "198.51.100.1"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := httptest.NewRequest("POST", "/graphql", nil)
			r.RemoteAddr = tc.peer
			for _, h := range tc.xff {
				r.Header.Add("X-Forwarded-For", h)
			}
			if got := tc.proxies.client(r); got != tc.want {
				t.Errorf("got %s, want %s", got, tc.want)
			}
		})
	}
}

// TestRateLimiterForgetsTheLeastRecentlySeen: the table of clients is bounded, so
// forged addresses cannot grow it.
func TestRateLimiterForgetsTheLeastRecentlySeen(t *testing.T) {
	l := newRateLimiter(1, 1, 3, forwarded{})
	now := time.Now()
	for i := range 10 {
		l.wait("client "+strconv.Itoa(i), now)
	}
	if got := l.clients.Len(); got != 3 {
		t.Errorf("clients remembered: got %d, want 3", got)
	}
	if d := l.wait("client 9", now); d == 0 {
		t.Errorf("a client seen last, past its burst: no wait, want one")
	}
	if d := l.wait("client 0", now); d != 0 {
		t.Errorf("a client forgotten: wait %s, want none (a full burst again)", d)
	}
}
