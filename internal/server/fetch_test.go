package server

import (
	"context"
	"encoding/binary"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"
	"time"
)

func TestIsPublic(t *testing.T) {
	tests := []struct {
		addr string
		want bool
	}{
		{"8.8.8.8", true},
		{"93.184.216.34", true},
		{"2a00:1450:4001:81b::200e", true},
		{"64:ff9b::808:808", true}, // NAT64 of 8.8.8.8
		{"127.0.0.1", false},
		{"127.1.2.3", false},
		{"10.1.2.3", false},
		{"172.16.5.4", false},
		{"192.168.1.1", false},
		{"169.254.169.254", false}, // cloud metadata
		{"100.64.0.1", false},
		{"0.0.0.0", false},
		{"0.1.2.3", false},
		{"198.18.0.1", false},
		{"224.0.0.1", false},
		{"255.255.255.255", false},
		{"::", false},
		{"::1", false},
		{"fe80::1", false},
		{"fc00::1", false},
		{"fd12:3456::1", false},
		{"ff02::1", false},
		{"::ffff:127.0.0.1", false}, // IPv4-mapped loopback
		{"::ffff:10.0.0.1", false},
		{"::7f00:1", false},           // IPv4-compatible loopback
		{"64:ff9b::7f00:1", false},    // NAT64 of 127.0.0.1
		{"64:ff9b::a9fe:a9fe", false}, // NAT64 of 169.254.169.254
		{"2002:7f00:1::1", false},     // 6to4 of 127.0.0.1
		{"2001:db8::1", false},
	}
	for _, tt := range tests {
		t.Run(tt.addr, func(t *testing.T) {
			if got := isPublic(netip.MustParseAddr(tt.addr)); got != tt.want {
				t.Errorf("isPublic(%s) = %v, want %v", tt.addr, got, tt.want)
			}
		})
	}
}

// fakeDNS answers every A query with ip and every other query with no
// record: a name an attacker controls, resolving to an internal address.
func fakeDNS(t *testing.T, ip netip.Addr) *net.Resolver {
	t.Helper()
	pc, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { pc.Close() })
	go func() {
		buf := make([]byte, 512)
		for {
			n, from, err := pc.ReadFrom(buf)
			if err != nil {
				return
			}
			if n < 12 {
				continue
			}
			q := buf[:n]
			// The question: labels to a zero byte, then type and class.
			end := 12
			for end < n && q[end] != 0 {
				end += int(q[end]) + 1
			}
			end += 5
			if end > n {
				continue
			}
			qtype := binary.BigEndian.Uint16(q[end-4:])
			resp := append([]byte{}, q[:end]...)
			resp[2], resp[3] = 0x81, 0x80 // a response, recursion available
			binary.BigEndian.PutUint16(resp[6:], 0)
			binary.BigEndian.PutUint16(resp[8:], 0)
			binary.BigEndian.PutUint16(resp[10:], 0)
			if qtype == 1 {
				binary.BigEndian.PutUint16(resp[6:], 1)
				a4 := ip.As4()
				resp = append(resp, 0xc0, 12, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4)
				resp = append(resp, a4[:]...)
			}
			pc.WriteTo(resp, from)
		}
	}()
	addr := pc.LocalAddr().String()
	return &net.Resolver{PreferGo: true, Dial: func(ctx context.Context, network, _ string) (net.Conn, error) {
		return (&net.Dialer{}).DialContext(ctx, "udp", addr)
	}}
}

func TestFetchGuard(t *testing.T) {
	page := "<html><head><title>Talks in Brussels</title></head><body><p>Azerbaijan and Armenia held talks.</p></body></html>"
	origin := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/page":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write([]byte(page))
		case "/big":
			w.Write([]byte(strings.Repeat("x", 4096)))
		case "/to-internal":
			// A public page that redirects into the private network.
			http.Redirect(w, r, "http://127.0.0.2:"+r.Host[strings.LastIndexByte(r.Host, ':')+1:]+"/page", http.StatusFound)
		case "/to-file":
			http.Redirect(w, r, "file:///etc/passwd", http.StatusFound)
		default:
			http.NotFound(w, r)
		}
	}))
	defer origin.Close()
	_, port, _ := net.SplitHostPort(origin.Listener.Addr().String())
	loopback := netip.MustParseAddr("127.0.0.1")
	evilDNS := fakeDNS(t, loopback)
	post := func(ts *testServer, u string) (int, errorEnvelope) {
		rec := ts.do(t, "POST", "/api/v1/articles", strings.NewReader(`{"url":"`+u+`"}`),
			"Content-Type", "application/json", "Authorization", "Bearer t")
		if rec.Code == http.StatusCreated {
			return rec.Code, errorEnvelope{}
		}
		return rec.Code, decodeError(t, rec)
	}
	tests := []struct {
		name   string
		guard  guard
		url    string
		status int
		want   string // in the error message
	}{
		{"loopback address", guard{}, origin.URL + "/page", 400, "refused"},
		{"localhost by name", guard{}, "http://localhost:" + port + "/page", 400, "refused"},
		{"a public name resolving to loopback", guard{resolver: evilDNS}, "http://news.evil.example:" + port + "/page", 400, "refused"},
		{"metadata address", guard{}, "http://169.254.169.254/latest/meta-data/", 400, "refused"},
		{"IPv6 loopback", guard{}, "http://[::1]:" + port + "/page", 400, "refused"},
		{"redirect into the private network", guard{public: func(a netip.Addr) bool { return a == loopback }}, origin.URL + "/to-internal", 400, "refused"},
		{"redirect to a file", guard{allowPrivate: true}, origin.URL + "/to-file", 400, "only http and https"},
		{"not http", guard{allowPrivate: true}, "file:///etc/passwd", 400, "only http and https"},
		{"no host", guard{allowPrivate: true}, "http:///page", 400, "no host"},
		{"not found upstream", guard{allowPrivate: true}, origin.URL + "/missing", 400, "404"},
		{"too large", guard{allowPrivate: true}, origin.URL + "/big", 413, "limit"},
		{"allowed private", guard{allowPrivate: true}, origin.URL + "/page", 201, ""},
		{"allowed private by name", guard{allowPrivate: true, resolver: evilDNS}, "http://news.evil.example:" + port + "/page", 201, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts := newTestServer(t, Config{Token: "t", MaxBodyBytes: 2048})
			ts.fetch = newFetchClient(tt.guard, 5*time.Second)
			status, env := post(ts, tt.url)
			if status != tt.status {
				t.Fatalf("status %d, want %d: %+v", status, tt.status, env)
			}
			if tt.want != "" && !strings.Contains(env.Error.Message, tt.want) {
				t.Errorf("message %q, want it to mention %q", env.Error.Message, tt.want)
			}
			if tt.status != 201 {
				if len(ts.ingest.calls) != 0 {
					t.Error("a refused fetch reached the ingester")
				}
				return
			}
			got := ts.ingest.last()
			if got.body != page || !strings.HasPrefix(got.contentType, "text/html") || !strings.HasSuffix(got.source, "/page") {
				t.Errorf("the ingester got %+v", got)
			}
		})
	}
	t.Run("the default config refuses", func(t *testing.T) {
		ts := newTestServer(t, Config{Token: "t"})
		if status, env := post(ts, origin.URL+"/page"); status != 400 || !strings.Contains(env.Error.Message, "private") {
			t.Errorf("status %d %+v, want a refusal", status, env)
		}
	})
	t.Run("a JSON article is not a fetch", func(t *testing.T) {
		if _, ok := urlRequest([]byte(`{"url":"https://example.org/a","text":"Talks resumed."}`), "application/json"); ok {
			t.Error("an article with a url field was taken for a fetch request")
		}
		if u, ok := urlRequest([]byte(`{"url":"https://example.org/a"}`), "application/json"); !ok || u != "https://example.org/a" {
			t.Error("a fetch request was not recognised")
		}
	})
}
