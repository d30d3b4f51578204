package server

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"encoding/json"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
	"sync"
)

//go:embed static
var staticFS embed.FS

// assets serves the embedded static files under /static/. A URL with
// ?v=<hash of the content> (what assetURL writes into pages) is cached
// for a year; the text assets are gzipped once, on first request.
type assets struct {
	files map[string]*asset
}

type asset struct {
	name    string
	body    []byte
	hash    string
	ctype   string
	once    sync.Once
	gzipped []byte
}

func newAssets() *assets {
	a := &assets{files: map[string]*asset{}}
	err := fs.WalkDir(staticFS, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := staticFS.ReadFile(p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		name := strings.TrimPrefix(p, "static/")
		ct := mime.TypeByExtension(path.Ext(p))
		switch path.Ext(p) {
		case ".sh", ".md", "":
			ct = "text/plain; charset=utf-8"
		}
		a.files[name] = &asset{name: name, body: b, hash: hex.EncodeToString(sum[:6]), ctype: ct}
		return nil
	})
	if err != nil {
		panic("server: embedded static files: " + err.Error())
	}
	return a
}

// url returns the versioned URL of a static file.
func (a *assets) url(name string) string {
	f, ok := a.files[name]
	if !ok {
		panic("server: no static file " + name)
	}
	return "/static/" + name + "?v=" + f.hash
}

func (f *asset) compressible() bool {
	return strings.HasPrefix(f.ctype, "text/") || strings.Contains(f.ctype, "javascript") || strings.Contains(f.ctype, "json")
}

func (f *asset) gz() []byte {
	f.once.Do(func() {
		var buf bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		zw.Write(f.body)
		zw.Close()
		f.gzipped = buf.Bytes()
	})
	return f.gzipped
}

func (a *assets) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f, ok := a.files[strings.TrimPrefix(r.URL.Path, "/static/")]
	if !ok {
		http.NotFound(w, r)
		return
	}
	h := w.Header()
	h.Set("Content-Type", f.ctype)
	h.Set("ETag", `"`+f.hash+`"`)
	if r.URL.Query().Get("v") == f.hash {
		h.Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		h.Set("Cache-Control", "no-cache")
	}
	if match := r.Header.Get("If-None-Match"); match == `"`+f.hash+`"` {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	body := f.body
	if f.compressible() {
		h.Add("Vary", "Accept-Encoding")
		if strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			body = f.gz()
			h.Set("Content-Encoding", "gzip")
		}
	}
	w.Write(body)
}

// countryNames maps ISO alpha-3 codes to the map's country names, read
// once from the embedded world map.
var countryNames = sync.OnceValue(func() map[string]string {
	var fc struct {
		Features []struct {
			Properties struct{ Name, ISO3 string } `json:"properties"`
		} `json:"features"`
	}
	b, err := staticFS.ReadFile("static/world.json")
	if err == nil {
		err = json.Unmarshal(b, &fc)
	}
	if err != nil {
		panic("server: embedded world map: " + err.Error())
	}
	names := make(map[string]string, len(fc.Features))
	for _, f := range fc.Features {
		if f.Properties.ISO3 != "" {
			names[f.Properties.ISO3] = f.Properties.Name
		}
	}
	return names
})
