package server

import (
	"net"
	"net/http"
	"net/netip"
	"slices"
	"strings"
)

// forwarded says which address a request comes from, behind the proxies the server
// is told to trust (docs/security.md, Channels). Each proxy appends the address it
// saw to X-Forwarded-For, so only the right end of the list is theirs: what is left
// of it is the client's own claim. With ranges, the header is read only from a peer
// in them and the client is the last address outside them; else the client is the
// address the outermost of hops proxies appended.
type forwarded struct {
	trust  bool
	hops   int
	ranges []netip.Prefix
}

// client is the key of the client r comes from: its address, an IPv6 address by its
// /64 (one subscriber's network, which one client may fill with addresses).
func (f forwarded) client(r *http.Request) string {
	peer, ok := parseAddr(r.RemoteAddr)
	if !ok {
		return r.RemoteAddr
	}
	addr := peer
	if f.trust && (len(f.ranges) == 0 || f.trusted(peer)) {
		if a, ok := f.behind(r.Header.Values("X-Forwarded-For")); ok {
			addr = a
		}
	}
	if addr.Is6() {
		return netip.PrefixFrom(addr, 64).Masked().String()
	}
	return addr.String()
}

// behind is the client's address in the X-Forwarded-For headers; false when they
// name none, or the entry the proxies vouch for is not an address.
func (f forwarded) behind(headers []string) (netip.Addr, bool) {
	var chain []string
	for _, h := range headers {
		for _, e := range strings.Split(h, ",") {
			if e = strings.TrimSpace(e); e != "" {
				chain = append(chain, e)
			}
		}
	}
	if len(chain) == 0 {
		return netip.Addr{}, false
	}
	if len(f.ranges) > 0 {
		for i := len(chain) - 1; i >= 0; i-- {
			a, ok := parseAddr(chain[i])
			if !ok {
				return netip.Addr{}, false
			}
			if !f.trusted(a) || i == 0 {
				return a, true
			}
		}
	}
	return parseAddr(chain[max(len(chain)-f.hops, 0)])
}

func (f forwarded) trusted(a netip.Addr) bool {
	return slices.ContainsFunc(f.ranges, func(p netip.Prefix) bool { return p.Contains(a) })
}

// parseAddr reads an address with or without a port.
func parseAddr(s string) (netip.Addr, bool) {
	if host, _, err := net.SplitHostPort(s); err == nil {
		s = host
	}
	a, err := netip.ParseAddr(strings.Trim(s, "[]"))
	if err != nil {
		return netip.Addr{}, false
	}
	return a.Unmap(), true
}
