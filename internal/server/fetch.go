package server

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"syscall"
	"time"

	"github.com/truce/truce/internal/domain"
)

// guard decides which addresses the ingest fetcher may connect to. It is
// checked in the dialer's Control hook, on the address actually dialled
// after name resolution, for every connection including each redirect:
// a name that resolves to 127.0.0.1, a DNS answer that changes between a
// check and the dial (rebinding), or a redirect to 169.254.169.254 are all
// refused. Checking the URL's host alone would miss every one of these.
type guard struct {
	allowPrivate bool
	// resolver, when set, replaces the system resolver (tests).
	resolver *net.Resolver
	// public, when set, replaces isPublic (tests: to let one loopback
	// address stand for the internet).
	public func(netip.Addr) bool
}

// blockedError is a dial the guard refused.
type blockedError struct{ addr netip.Addr }

func (e *blockedError) Error() string {
	return fmt.Sprintf("address %s is private, loopback, link-local or reserved", e.addr)
}

func (g guard) control(network, address string, _ syscall.RawConn) error {
	if g.allowPrivate {
		return nil
	}
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		return err
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return fmt.Errorf("dial %q: not an IP address", address)
	}
	public := isPublic
	if g.public != nil {
		public = g.public
	}
	if !public(ip) {
		return &blockedError{ip}
	}
	return nil
}

// Ranges that are not on the public internet, beyond what netip's
// predicates cover.
var nonPublic = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),       // "this network"
	netip.MustParsePrefix("100.64.0.0/10"),   // carrier-grade NAT
	netip.MustParsePrefix("192.0.0.0/24"),    // IETF protocol assignments
	netip.MustParsePrefix("192.0.2.0/24"),    // documentation
	netip.MustParsePrefix("198.18.0.0/15"),   // benchmarking
	netip.MustParsePrefix("198.51.100.0/24"), // documentation
	netip.MustParsePrefix("203.0.113.0/24"),  // documentation
	netip.MustParsePrefix("240.0.0.0/4"),     // reserved, and broadcast
	netip.MustParsePrefix("::/96"),           // IPv4-compatible (deprecated)
	netip.MustParsePrefix("100::/64"),        // discard
	netip.MustParsePrefix("2001:db8::/32"),   // documentation
}

// isPublic reports whether ip is a public unicast address. IPv4 inside
// IPv6 (mapped, NAT64, 6to4) is judged by the IPv4 address it carries.
func isPublic(ip netip.Addr) bool {
	ip = ip.Unmap()
	if ip.Is6() {
		b := ip.As16()
		switch {
		case netip.MustParsePrefix("64:ff9b::/96").Contains(ip):
			return isPublic(netip.AddrFrom4([4]byte(b[12:16])))
		case netip.MustParsePrefix("2002::/16").Contains(ip):
			return isPublic(netip.AddrFrom4([4]byte(b[2:6])))
		}
	}
	if !ip.IsValid() || ip.IsUnspecified() || ip.IsLoopback() || ip.IsPrivate() ||
		ip.IsLinkLocalUnicast() || ip.IsLinkLocalMulticast() || ip.IsInterfaceLocalMulticast() ||
		ip.IsMulticast() {
		return false
	}
	for _, p := range nonPublic {
		if p.Contains(ip) {
			return false
		}
	}
	return true
}

// newFetchClient returns the client that fetches URLs for ingest: no
// proxy from the environment (a proxy would be dialled instead of the
// target, and the guard would check the wrong address), at most five
// redirects, http and https only.
func newFetchClient(g guard, timeout time.Duration) *http.Client {
	d := &net.Dialer{Timeout: 10 * time.Second, Control: g.control, Resolver: g.resolver}
	tr := &http.Transport{
		Proxy:                  nil,
		DialContext:            d.DialContext,
		ForceAttemptHTTP2:      true,
		TLSHandshakeTimeout:    10 * time.Second,
		ResponseHeaderTimeout:  timeout,
		MaxResponseHeaderBytes: 1 << 20,
		MaxIdleConns:           4,
		IdleConnTimeout:        30 * time.Second,
	}
	return &http.Client{
		Transport: tr,
		Timeout:   timeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) >= 5 {
				return errors.New("more than 5 redirects")
			}
			return checkFetchURL(req.URL)
		},
	}
}

func checkFetchURL(u *url.URL) error {
	if u.Scheme != "http" && u.Scheme != "https" {
		return fmt.Errorf("scheme %q: only http and https are fetched", u.Scheme)
	}
	if u.Hostname() == "" {
		return errors.New("no host")
	}
	return nil
}

// fetchResult is a fetched page, read whole.
type fetchResult struct {
	body        []byte
	contentType string
	url         string
}

// fetchURL gets raw (an http or https URL) through the guarded client,
// holding the body to limit bytes.
func (s *Server) fetchURL(ctx context.Context, raw string, limit int64) (*fetchResult, error) {
	u, err := url.Parse(raw)
	if err == nil {
		err = checkFetchURL(u)
	}
	if err != nil {
		return nil, errorf(domain.EINVALID, "url %q: %v", raw, err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, errorf(domain.EINVALID, "url %q: %v", raw, err)
	}
	req.Header.Set("User-Agent", "truce/"+s.cfg.Version)
	req.Header.Set("Accept", "text/html, application/rss+xml, application/atom+xml, application/feed+json, application/json, text/plain;q=0.8, */*;q=0.5")
	resp, err := s.fetch.Do(req)
	if err != nil {
		var blocked *blockedError
		if errors.As(err, &blocked) {
			return nil, errorf(domain.EINVALID, "url %q: refused to fetch: %v (the server does not fetch from private networks)", raw, blocked)
		}
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, errorf(domain.EINVALID, "url %q: %v", raw, unwrapURLError(err))
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, errorf(domain.EINVALID, "url %q: the server answered %s", raw, resp.Status)
	}
	body, err := readLimited(resp.Body, limit)
	if err != nil {
		return nil, err
	}
	return &fetchResult{body: body, contentType: resp.Header.Get("Content-Type"), url: resp.Request.URL.String()}, nil
}

// unwrapURLError drops *url.Error's "Get \"…\":" prefix, which repeats
// the URL the message names already.
func unwrapURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}
