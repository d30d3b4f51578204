package gazetteer

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/truce/truce/internal/dict"
	"github.com/truce/truce/internal/domain"
	"github.com/truce/truce/internal/gazetteer/internal/placefile"
	"github.com/truce/truce/internal/text"
)

//go:generate sh generate.sh

//go:embed data/*.txt data/places.bin
var embedded embed.FS

// placesBin is data/places.bin as a byte slice that lives in the binary:
// read in place, never copied (reading it through embedded would copy its
// 15 MB at every start, a third of truce's cold start). It is never
// written to.
//
//go:embed data/places.bin
var placesBin []byte

// files are the dictionaries, in the order they are read. people.txt,
// groups.txt and igos.txt are written with the actor dictionaries; the rest
// belong to the gazetteer. A user directory's file of the same name adds to
// or overrides the entries of each.
var files = []string{
	"countries.txt",    // generated: countries and demonyms
	"demonyms.txt",     // hand-written overlay of countries.txt
	"admin1.txt",       // first-level administrative regions
	"regions.txt",      // conflict regions the city files lack
	"sectors.txt",      // how a code with a sector is named
	"agents.txt",       // agents and their sectors
	"institutions.txt", // a country's organs: the Kremlin, the Pentagon
	"notplaces.txt",    // names that are places only in context
	"context.txt",      // cue words: speech verbs, prepositions, pronouns
	"igos.txt",         // international and non-governmental organisations
	"groups.txt",       // armed groups, breakaway authorities, parties
	"people.txt",       // named people, one line a tenure
}

// Options configure Load.
type Options struct {
	// Dirs are the user's dictionary directories (--dict), read in order
	// after the embedded data.
	Dirs []string
	// base replaces the embedded data (tests).
	base fs.FS
}

// Gazetteer recognises and resolves mentions. It is safe for concurrent
// use once loaded.
type Gazetteer struct {
	version string
	places  *placefile.File
	entries []entry
	lex     map[uint64]*lexSlot
	// lexFirst has a bit for the hash of each word that starts a key of
	// lex: most words start none, and the bit answers them without a
	// lookup in the large map.
	lexFirst []uint64
	cues     map[uint64]cue
	// countries by alpha-3 and alpha-2; admin-1 by place-file index
	country     map[string]int32 // alpha-3 → entry
	countryByA2 map[string]string
	countryIx   []string // place-file country index → alpha-3
	admin1Name  map[int32]string
	admin1Code  map[string]int32
	sectorName  map[string]*entry
	groupByCode map[string]int32
	// people by person key: every tenure
	tenures map[string][]int32
	capital map[uint32]string // geonameid of a capital → alpha-3
	maxLen  int
	// fuzzy holds the one-word country names, demonyms and peoples of
	// seven letters or more, and each with one letter but the first left
	// out: a key of two entries is -1.
	fuzzy map[string]int32
	// surnames: people by the hash of their names less the last word,
	// with that word: "Francois Mitterand" finds Francois Mitterrand.
	surnames map[uint64][]surname
	// partOf: a country that was part of another until its independence,
	// so that its places were that other's ("Juba" in 1995 is Sudan's).
	partOf map[string]datedCode
	toks   []text.Token // Load's scratch
}

type surname struct {
	entry int32
	last  string
}

// lexName is one way of writing an entry.
type lexName struct {
	entry   int32
	caps    uint16 // bit i: token i must be capitalised
	upper   uint16 // bit i: token i must be in capitals
	plural  bool
	surname bool // a person's surname alone
	// inflected: the regular plural the index made of a singular name
	// (troop → troops), which is never an adjective.
	inflected bool
}

type lexSlot struct {
	names  []lexName
	prefix bool
}

// cue is the class of a context word or phrase.
type cue uint8

const (
	cueSpeech      cue = iota + 1 // said, warned, urged: political verbs
	cueLocative                   // in, near, from: a place follows
	cueRelation                   // talks with, relations with
	cueAlly                       // as an ally
	cuePlaceHead                  // town of, city of
	cueQuantity                   // thousands, hundreds
	cueModifier                   // senior, top, breakaway: may stand before an agent
	cueAux                        // has, will, also: between a subject and its verb
	cueTime                       // Monday, January: capitalised, never a name
	cuePronounOne                 // he, she
	cuePronounMany                // they, them
	cuePossOne                    // his, her
	cuePossMany                   // their
	cueFormer                     // former, ex-
	cueEthnic                     // ethnic
	cueSeparatist                 // separatist, breakaway, rebel-held
	cueDeterminer                 // the, a, an
	cuePolicyNoun                 // position, decision: after a capital's 's
	cueStateWord                  // state, U.S. state: before an admin-1
	cueDirection                  // southern, central: a part of the place after it
	cueFunction                   // of, and, which: never the noun an adjective modifies
	cueThing                      // operation, aid: a thing or act an agent word modifies
	cuePortfolio                  // interior, foreign affairs: after "Minister for"
	cuePossIt                     // its
)

var cueNames = map[string]cue{
	"speech": cueSpeech, "locative": cueLocative, "relation": cueRelation, "ally": cueAlly,
	"placehead": cuePlaceHead, "quantity": cueQuantity, "modifier": cueModifier, "aux": cueAux,
	"time": cueTime, "pronoun": cuePronounOne, "pronouns": cuePronounMany, "possessive": cuePossOne,
	"possessives": cuePossMany, "former": cueFormer, "ethnic": cueEthnic, "separatist": cueSeparatist,
	"determiner": cueDeterminer, "policy": cuePolicyNoun, "state": cueStateWord,
	"direction": cueDirection, "function": cueFunction, "thing": cueThing, "portfolio": cuePortfolio,
	"possessive-it": cuePossIt,
}

// Load reads the embedded data, then each of opts.Dirs.
func Load(opts Options) (*Gazetteer, error) {
	base := opts.base
	bin := placesBin
	if base == nil {
		sub, err := fs.Sub(embedded, "data")
		if err != nil {
			return nil, fmt.Errorf("gazetteer: %w", err)
		}
		base = sub
	} else {
		b, err := fs.ReadFile(base, "places.bin")
		if err != nil {
			return nil, fmt.Errorf("gazetteer: %w", err)
		}
		bin = b
	}
	pf, err := placefile.Open(bin)
	if err != nil {
		return nil, fmt.Errorf("gazetteer: places.bin: %w", err)
	}
	l := &loader{sets: map[string][]dict.Entry{}, sum: sha256.New()}
	// The version covers every dictionary read; places.bin is named by
	// its size and header, which the generator changes with its content.
	fmt.Fprintf(l.sum, "places.bin %d\n", len(bin))
	l.sum.Write(bin[:min(len(bin), 4096)])
	for _, name := range files {
		raw, err := fs.ReadFile(base, name)
		if errors.Is(err, fs.ErrNotExist) {
			continue // a user directory may give it; checked below
		}
		if err != nil {
			return nil, fmt.Errorf("gazetteer: %w", err)
		}
		fmt.Fprintf(l.sum, "%s %d\n", name, len(raw))
		l.sum.Write(raw)
		es, err := dict.Parse(bytes.NewReader(raw), name)
		if err != nil {
			return nil, fmt.Errorf("gazetteer: %w", err)
		}
		if es == nil {
			es = []dict.Entry{}
		}
		l.sets[name] = es
	}
	for _, dir := range opts.Dirs {
		if err := l.readDir(dir); err != nil {
			return nil, err
		}
	}
	for _, name := range files {
		if _, ok := l.sets[name]; !ok {
			return nil, fmt.Errorf("gazetteer: %s: missing from the embedded data and from --dict", name)
		}
	}
	g, err := l.build(pf)
	if err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	g.version = hex.EncodeToString(l.sum.Sum(nil)[:6])
	return g, nil
}

// Version identifies the loaded data: records coded with other data are
// coded again.
func (g *Gazetteer) Version() string { return g.version }

type loader struct {
	sets map[string][]dict.Entry
	sum  hash.Hash
	// PETRARCH entries read from user directories
	petr []petrEntry
}

// readDir reads a user directory: files named like ours add or override
// entries; PETRARCH/TABARI actor and agent files are recognised by content;
// anything else (verb dictionaries, notes) is left to other readers.
func (l *loader) readDir(dir string) error {
	des, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("gazetteer: --dict: %w", err)
	}
	for _, de := range des {
		if de.IsDir() {
			continue
		}
		path := filepath.Join(dir, de.Name())
		raw, err := os.ReadFile(path)
		if err != nil {
			return fmt.Errorf("gazetteer: %w", err)
		}
		fmt.Fprintf(l.sum, "%s %d\n", path, len(raw))
		l.sum.Write(raw)
		if slices.Contains(files, de.Name()) {
			es, err := dict.Parse(bytes.NewReader(raw), path)
			if err != nil {
				return fmt.Errorf("gazetteer: %w", err)
			}
			l.sets[de.Name()] = override(l.sets[de.Name()], es)
			if l.sets[de.Name()] == nil {
				l.sets[de.Name()] = []dict.Entry{}
			}
			continue
		}
		switch petrarchKind(raw) {
		case petrActors:
			es, err := parsePetrarchActors(raw, path)
			if err != nil {
				return fmt.Errorf("gazetteer: %w", err)
			}
			l.petr = append(l.petr, es...)
		case petrAgents:
			es, err := parsePetrarchAgents(raw, path)
			if err != nil {
				return fmt.Errorf("gazetteer: %w", err)
			}
			l.petr = append(l.petr, es...)
		}
	}
	return nil
}

// override returns base with the entries of user added; a user entry
// takes every name it gives away from the base entries (which are dropped
// when left without names).
func override(base, user []dict.Entry) []dict.Entry {
	taken := map[string]bool{}
	for _, e := range user {
		for _, n := range e.Names {
			taken[text.Key(n)] = true
		}
	}
	out := make([]dict.Entry, 0, len(base)+len(user))
	for _, e := range base {
		var keep []string
		for _, n := range e.Names {
			if !taken[text.Key(n)] {
				keep = append(keep, n)
			}
		}
		if len(keep) == 0 {
			continue
		}
		e.Names = keep
		out = append(out, e)
	}
	return append(out, user...)
}

func (l *loader) build(pf *placefile.File) (*Gazetteer, error) {
	g := &Gazetteer{
		places:      pf,
		lex:         map[uint64]*lexSlot{},
		lexFirst:    make([]uint64, lexFirstBits/64),
		cues:        map[uint64]cue{},
		country:     map[string]int32{},
		countryByA2: map[string]string{},
		admin1Name:  map[int32]string{},
		admin1Code:  map[string]int32{},
		sectorName:  map[string]*entry{},
		groupByCode: map[string]int32{},
		tenures:     map[string][]int32{},
		capital:     map[uint32]string{},
		fuzzy:       map[string]int32{},
		surnames:    map[uint64][]surname{},
		partOf:      map[string]datedCode{},
	}
	for i := range pf.Admin1s() {
		a := pf.Admin1(uint16(i))
		g.admin1Code[pf.Country(a.Country)+"."+a.Code] = int32(i)
	}
	// Demonym overlay: drop=yes removes a generated name.
	drops := map[string]bool{}
	var overlay []dict.Entry
	for _, e := range l.sets["demonyms.txt"] {
		if e.Attr("drop") == "yes" {
			for _, n := range e.Names {
				drops[e.Code+"|"+text.Key(n)] = true
			}
			continue
		}
		overlay = append(overlay, e)
	}
	var errs []error
	add := func(file string, es []dict.Entry) {
		for _, e := range es {
			if file == "countries.txt" {
				var keep []string
				for _, n := range e.Names {
					if !drops[e.Code+"|"+text.Key(n)] {
						keep = append(keep, n)
					}
				}
				if len(keep) == 0 {
					continue
				}
				e.Names = keep
			}
			if err := g.addEntry(file, e); err != nil {
				errs = append(errs, err)
			}
		}
	}
	n := len(l.petr)
	for _, es := range l.sets {
		n += len(es)
	}
	g.entries = make([]entry, 0, n)
	add("countries.txt", l.sets["countries.txt"])
	add("demonyms.txt", overlay)
	for _, f := range files[2:] {
		add(f, l.sets[f])
	}
	for _, p := range l.petr {
		g.addPetrarch(p)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	// Where a name is several countries' (French: France and the French
	// Southern Lands), the overlay's and the independent country's come
	// first.
	for _, s := range g.lex {
		if len(s.names) > 1 {
			slices.SortStableFunc(s.names, func(a, b lexName) int {
				return int(g.entries[a.entry].rank) - int(g.entries[b.entry].rank)
			})
		}
	}
	// The overlay's country names take the generated entry's point and
	// name: "Britain" is the United Kingdom at its centroid.
	for i := range g.entries {
		e := &g.entries[i]
		if e.kind != kCountry || e.rank != 0 {
			continue
		}
		if ix, ok := g.country[e.code]; ok && ix != int32(i) {
			c := &g.entries[ix]
			if !e.hasLL {
				e.lat, e.lon, e.hasLL = c.lat, c.lon, c.hasLL
			}
			e.name, e.a2, e.capitalID = c.name, c.a2, c.capitalID
		}
	}
	for a3, ix := range g.country {
		if c := &g.entries[ix]; c.capitalID != 0 {
			g.capital[uint32(c.capitalID)] = a3
		}
	}
	g.countryIx = make([]string, 256)
	for i := range 256 {
		g.countryIx[i] = g.countryByA2[pf.Country(uint8(i))]
	}
	g.toks = nil
	// Countries without a demonym take their name's: "Hong Kong protesters".
	for i := range g.entries {
		e := &g.entries[i]
		if e.kind != kDemonym {
			continue
		}
		if ix, ok := g.country[e.code]; ok && g.entries[ix].demonym == "" {
			g.entries[ix].demonym = e.name
		}
	}
	return g, nil
}

// addEntry turns a dictionary line into an entry and indexes its names.
func (g *Gazetteer) addEntry(file string, d dict.Entry) error {
	e := entry{code: d.Code, ref: d.Ref(), admin1: -1, name: d.Attr("name")}
	var err error
	if e.from, err = d.Date("from"); err != nil {
		return err
	}
	if e.until, err = d.Date("until"); err != nil {
		return err
	}
	if lat, ok, err := d.Float("lat"); err != nil {
		return err
	} else if ok {
		lon, ok2, err := d.Float("lon")
		if err != nil {
			return err
		}
		if !ok2 {
			return d.Errorf("lat without lon")
		}
		e.lat, e.lon, e.hasLL = lat, lon, true
	}
	plural := d.Attr("plural") == "yes"
	switch file {
	case "countries.txt", "demonyms.txt":
		if file == "countries.txt" {
			e.rank = 1
			if d.Attr("independent") == "no" {
				e.rank = 2
			}
		}
		switch d.Attr("kind") {
		case "country":
			e.kind = kCountry
			e.country = d.Code
			if p := d.Attr("part_of"); p != "" {
				ind, err := d.Date("independent")
				if err != nil {
					return err
				}
				if ind.IsZero() {
					return d.Errorf("part_of without independent=")
				}
				g.partOf[d.Code] = datedCode{code: p, from: ind}
			}
			e.a2 = d.Attr("a2")
			if _, dup := g.countryByA2[e.a2]; !dup && e.a2 != "" {
				g.countryByA2[e.a2] = d.Code
			}
			if n, ok, err := d.Int("capital_id"); err != nil {
				return err
			} else if ok {
				e.capitalID = n
			}
			if e.name == "" {
				e.name = d.Names[0]
			}
		case "demonym":
			e.kind = kDemonym
			e.country = d.Code
			e.ethnicGroup = d.Attr("ethnic") == "yes"
		case "people":
			e.kind = kPeople
			e.country = d.Code
			e.ethnicGroup = d.Attr("ethnic") == "yes"
			plural = true
		default:
			return d.Errorf("kind=%s: want country, demonym or people", d.Attr("kind"))
		}
		if e.name == "" {
			e.name = d.Names[0]
		}
	case "admin1.txt":
		e.kind = kAdmin1
		ix, ok := g.admin1Code[d.Code]
		if !ok && !e.hasLL {
			return d.Errorf("admin-1 code %s: not in the place file (give lat= lon=)", d.Code)
		}
		if ok {
			e.admin1 = ix
			if !e.hasLL {
				a := g.places.Admin1(uint16(ix))
				e.lat, e.lon, e.hasLL = a.Lat, a.Lon, true
			}
		}
		a2, _, _ := strings.Cut(d.Code, ".")
		e.country = g.countryByA2[a2]
		if c := d.Attr("country"); c != "" {
			e.country = c
		}
		if e.name == "" {
			e.name = d.Names[0]
		}
		if ok {
			g.admin1Name[ix] = e.name
		}
	case "regions.txt":
		e.kind = kRegion
		e.country = d.Attr("country")
		e.actor = d.Attr("actor")
		if !e.hasLL {
			return d.Errorf("region without lat= lon=")
		}
		if e.name == "" {
			e.name = d.Names[0]
		}
	case "sectors.txt":
		e2 := e
		e2.word = d.Attr("any")
		g.sectorName[d.Code] = &e2
		return nil
	case "agents.txt":
		e.kind = kAgent
		e.sector = d.Code
		for _, t := range d.List("traits") {
			switch t {
			case "title":
				e.traits |= agTitle
			case "people":
				e.traits |= agPeople
			case "authority":
				e.traits |= agAuthority
			case "generic":
				e.traits |= agGeneric
			case "nameonly":
				e.traits |= agNameOnly
			case "adjective":
				e.traits |= agAdjective
			case "ofonly":
				e.traits |= agOfOnly
			case "owned":
				e.traits |= agOwned
			default:
				return d.Errorf("trait %q: want title, people, authority, generic, nameonly, adjective, ofonly or owned", t)
			}
		}
	case "institutions.txt":
		e.kind = kInstitution
		e.country, e.sector = domain.SplitCode(d.Code)
	case "notplaces.txt":
		if d.Code != "word" && d.Code != "given" && d.Code != "never" {
			return d.Errorf("class %q: want word, given or never", d.Code)
		}
		e.kind = kNotPlace
		e.word = d.Code
	case "context.txt":
		c, ok := cueNames[d.Code]
		if !ok {
			return d.Errorf("cue %q: unknown class", d.Code)
		}
		for _, n := range d.Names {
			g.cues[text.Hash(text.Key(n))] = c
		}
		return nil
	case "igos.txt":
		e.kind = kOrg
		e.groupKind = d.Attr("kind")
		e.country, e.sector = domain.SplitCode(d.Code)
		if e.sector == "" {
			e.sector = d.Code[:min(3, len(d.Code))]
		}
	case "groups.txt":
		e.kind = kGroup
		e.country = d.Attr("country")
		e.ethnicity = d.Attr("ethnicity")
		e.groupKind = d.Attr("kind")
		_, e.sector = domain.SplitCode(d.Code)
	case "people.txt":
		e.kind = kPerson
		e.role = d.Attr("role")
		e.person = text.Key(d.Names[0])
		e.country = d.Attr("country")
		if e.country == "" {
			e.country, _ = domain.SplitCode(d.Code)
		}
		_, e.sector = domain.SplitCode(d.Code)
		if e.name == "" {
			e.name = d.Names[0]
		}
	}
	if e.name == "" {
		e.name = d.Names[0]
	}
	ix := int32(len(g.entries))
	g.entries = append(g.entries, e)
	switch e.kind {
	case kGroup, kOrg:
		g.groupByCode[d.Code] = ix
	case kPerson:
		g.tenures[e.person] = append(g.tenures[e.person], ix)
	case kCountry:
		if _, dup := g.country[d.Code]; !dup {
			g.country[d.Code] = ix
		}
	}
	sn := ""
	for k, n := range d.Names {
		g.toks = text.Tokenize(n, 0, len(n), g.toks[:0])
		g.indexToks(g.toks, lexName{entry: ix, plural: plural}, e.kind == kAgent && !plural)
		switch e.kind {
		case kCountry, kDemonym, kPeople:
			g.indexFuzzy(g.toks, ix)
		case kPerson:
			g.indexSurname(g.toks, ix)
			if k == 0 && len(g.toks) > 1 {
				sn = g.toks[len(g.toks)-1].Text(n)
			}
		}
	}
	if e.kind == kPerson {
		short := d.Attr("short")
		if short != "" {
			sn = short
		}
		if sn != "" {
			if short != "" {
				g.entries[ix].short = true
			}
			g.index(sn, lexName{entry: ix, surname: true}, false)
		}
	}
	return nil
}

// index adds name to the lexicon. For agents, the plural of the last word
// is added too (troop → troops), marked plural.
func (g *Gazetteer) index(name string, ln lexName, pluralToo bool) {
	g.toks = text.Tokenize(name, 0, len(name), g.toks[:0])
	g.indexToks(g.toks, ln, pluralToo)
}

// indexToks is index of a name's tokens.
func (g *Gazetteer) indexToks(toks []text.Token, ln lexName, pluralToo bool) {
	if len(toks) == 0 {
		return
	}
	for i, t := range toks {
		if i >= 16 || t.Kind != text.Word {
			continue
		}
		switch t.Shape {
		case text.Upper:
			ln.upper |= 1 << i
		case text.Title, text.Mixed:
			if i > 0 && i == len(toks)-1 && adminNouns[t.Norm] {
				continue // "Kaduna state", "Donetsk oblast": written either way
			}
			ln.caps |= 1 << i
		}
	}
	norms := make([]string, len(toks))
	for i, t := range toks {
		norms[i] = t.Norm
	}
	g.indexNorms(norms, ln)
	if pluralToo {
		p := slices.Clone(norms)
		if pl := pluralWord(p[len(p)-1]); pl != "" {
			p[len(p)-1] = pl
			ln.plural, ln.inflected = true, true
			g.indexNorms(p, ln)
		}
	}
}

// lexFirstBits is the size of Gazetteer.lexFirst: some tens of thousands
// of first words set a few per cent of its bits.
const lexFirstBits = 1 << 20

func lexFirstBit(h uint64) uint64 { return (h ^ h>>29) & (lexFirstBits - 1) }

// mayStartName reports whether a word of hash h may start a key of lex.
func (g *Gazetteer) mayStartName(h uint64) bool {
	b := lexFirstBit(h)
	return g.lexFirst[b>>6]&(1<<(b&63)) != 0
}

func (g *Gazetteer) indexNorms(norms []string, ln lexName) {
	var h uint64
	for i, n := range norms {
		if i == 0 {
			h = text.Hash(n)
			b := lexFirstBit(h)
			g.lexFirst[b>>6] |= 1 << (b & 63)
		} else {
			h = text.Extend(h, n)
		}
		s := g.lex[h]
		if s == nil {
			s = &lexSlot{}
			g.lex[h] = s
		}
		if i < len(norms)-1 {
			s.prefix = true
			continue
		}
		for _, o := range s.names {
			if o.entry == ln.entry && o.surname == ln.surname {
				return
			}
		}
		s.names = append(s.names, ln)
	}
	g.maxLen = max(g.maxLen, len(norms))
}

// minSurname is the shortest surname a misspelling is looked for.
const minSurname = 6

// indexSurname indexes a person's name of two words or more by the words
// before the last.
func (g *Gazetteer) indexSurname(toks []text.Token, ix int32) {
	n := len(toks)
	if n < 2 || toks[n-1].Kind != text.Word || len(toks[n-1].Norm) < minSurname || !isASCII(toks[n-1].Norm) {
		return
	}
	h := text.Hash(toks[0].Norm)
	for _, t := range toks[1 : n-1] {
		h = text.Extend(h, t.Norm)
	}
	for _, s := range g.surnames[h] {
		if s.entry == ix || g.entries[s.entry].person == g.entries[ix].person && s.last == toks[n-1].Norm {
			return
		}
	}
	g.surnames[h] = append(g.surnames[h], surname{ix, toks[n-1].Norm})
}

// minFuzzy is the shortest name a misspelling is looked for: shorter
// names are a letter away from too many other words (Iran, Iraq, Oman).
const minFuzzy = 7

// indexFuzzy adds a one-word name and its one-deletion variants to the
// misspelling index.
func (g *Gazetteer) indexFuzzy(toks []text.Token, ix int32) {
	if len(toks) != 1 || toks[0].Kind != text.Word || len(toks[0].Norm) < minFuzzy || !isASCII(toks[0].Norm) {
		return
	}
	w := toks[0].Norm
	put := func(k string) {
		if o, ok := g.fuzzy[k]; ok && o != ix && (o < 0 || g.entries[o].country != g.entries[ix].country) {
			g.fuzzy[k] = -1
			return
		}
		if _, ok := g.fuzzy[k]; !ok {
			g.fuzzy[k] = ix
		}
	}
	put(w)
	for i := 1; i < len(w); i++ { // the first letter stays
		put(w[:i] + w[i+1:])
	}
}

func isASCII(s string) bool {
	for i := range len(s) {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// pluralWord returns the regular plural of an English noun, "" for one
// that takes none (already plural, or a mass noun ending in s).
func pluralWord(w string) string {
	switch {
	case w == "" || !isLetter(w[len(w)-1]):
		return ""
	case strings.HasSuffix(w, "man"):
		return w[:len(w)-3] + "men"
	case strings.HasSuffix(w, "person"):
		return w[:len(w)-6] + "people"
	case strings.HasSuffix(w, "s"), strings.HasSuffix(w, "x"), strings.HasSuffix(w, "ch"), strings.HasSuffix(w, "sh"):
		if strings.HasSuffix(w, "ss") || strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "sh") {
			return w + "es"
		}
		return ""
	case strings.HasSuffix(w, "y") && len(w) > 1 && !strings.ContainsRune("aeiou", rune(w[len(w)-2])):
		return w[:len(w)-1] + "ies"
	}
	return w + "s"
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' }

// Country returns a country as a place, by its ISO alpha-3 code: its name
// and the point the gazetteer has for it, at the country's precision;
// false where it has none.
func (g *Gazetteer) Country(code string) (domain.Place, bool) {
	ix, ok := g.country[code]
	if !ok {
		return domain.Place{}, false
	}
	e := &g.entries[ix]
	if !e.hasLL || e.name == "" {
		return domain.Place{}, false
	}
	return domain.Place{Name: e.name, Country: domain.NullString(code), Lat: e.lat, Lon: e.lon, Precision: domain.PrecisionCountry}, true
}

// CapitalOf returns the country whose capital the GeoNames place is, or "".
func (g *Gazetteer) CapitalOf(geonameID int64) string {
	if geonameID <= 0 || geonameID > math.MaxUint32 {
		return ""
	}
	return g.capital[uint32(geonameID)]
}
