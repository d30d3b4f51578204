package codebook

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/truce/truce/internal/dict"
	"github.com/truce/truce/internal/domain"
)

//go:embed data/*.txt
var embedded embed.FS

// The data files, by the names a user's dictionary folder uses too.
const (
	FileCodes = "cameo.txt"
	FileVerbs = "verbs.txt"
	FileForms = "forms.txt"
)

// Code is one CAMEO event code with what it means in the other
// ontologies.
type Code struct {
	// Code is the CAMEO code ("0871"), Label its name in the CAMEO
	// codebook ("Declare truce, ceasefire").
	Code  string
	Label string
	// Quad is the quad class: 1 verbal cooperation (roots 01-04),
	// 2 material cooperation (05-08), 3 verbal conflict (09-13),
	// 4 material conflict (14-20), as GDELT assigns them.
	Quad int
	// Goldstein is the code's weight on Goldstein's (1992) conflict-
	// cooperation scale, -10 to +10, as extended to CAMEO.
	Goldstein float64
	// PLOVER is the code's PLOVER type, mode and contexts; Type is empty
	// for the statements of root 01, which PLOVER dropped.
	PLOVER domain.PLOVER
	// ACLED is the default ACLED-style type, nil for codes outside
	// ACLED's vocabulary (most verbal events).
	ACLED *domain.ACLED
	// Rule is where the code is defined ("cameo.txt:12").
	Rule string
}

// Root returns the two-digit root of a CAMEO code ("0871" gives "08").
func Root(code string) string {
	if len(code) < 2 {
		return code
	}
	return code[:2]
}

// Parent returns the code one level up ("0871" gives "087", "087" gives
// "08") and "" for a root.
func Parent(code string) string {
	if len(code) <= 2 {
		return ""
	}
	return code[:len(code)-1]
}

// Codebook holds the codes and the compiled verb patterns. It is
// immutable after Load and safe for concurrent use.
type Codebook struct {
	codes map[string]*Code
	order []string // codes in file order
	rules []rule
	// words gives every word of every pattern an id; index lists, by
	// word id, the rules whose first element can match that word.
	words map[string]int32
	index [][]int32
	// formTables holds the form tables of large verb groups by their
	// forms, so that groups of the same verbs share one.
	formTables map[string][]formSet
	// bases are the base forms of every pattern verb, for telling an
	// infinitive after "to" from a noun.
	bases   map[string]bool
	pasts   map[string]bool // past tenses and participles of the verbs
	version string
	skipped int
}

// Pattern describes one loaded pattern, for listings and checks.
type Pattern struct {
	Code     string
	Rule     string // "verbs.txt:123"
	Text     string
	Nominal  bool
	Class    string
	Modality string
	PLOVER   string
	Mode     string
	ACLED    *domain.ACLED
}

// source is one dictionary file's content.
type source struct {
	name string // as errors and rules name it: "verbs.txt", or a user's path
	kind string // FileCodes, FileVerbs, FileForms or "petrarch"
	data []byte
	prio int
}

// Load reads the embedded codebook, then the files of each path in turn:
// a folder's cameo.txt, verbs.txt and forms.txt add to and override the
// embedded ones (a code, a pattern or a word given again replaces the
// earlier entry), and any other file in it that is a PETRARCH or TABARI
// CAMEO verb dictionary is read as one. A path may also name one such
// file. Errors name the file and line.
func Load(paths ...string) (*Codebook, error) {
	srcs, err := embeddedSources()
	if err != nil {
		return nil, err
	}
	for i, p := range paths {
		more, err := userSources(p, i+1)
		if err != nil {
			return nil, err
		}
		srcs = append(srcs, more...)
	}
	return build(srcs)
}

// LoadPETRARCH reads the embedded codebook and one PETRARCH or TABARI
// CAMEO verb dictionary.
func LoadPETRARCH(path string) (*Codebook, error) {
	srcs, err := embeddedSources()
	if err != nil {
		return nil, err
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("codebook: %w", err)
	}
	srcs = append(srcs, source{name: path, kind: "petrarch", data: data, prio: 1})
	return build(srcs)
}

func embeddedSources() ([]source, error) {
	var out []source
	for _, name := range []string{FileForms, FileCodes, FileVerbs} {
		data, err := embedded.ReadFile("data/" + name)
		if err != nil {
			return nil, fmt.Errorf("codebook: embedded %s: %w", name, err)
		}
		out = append(out, source{name: name, kind: name, data: data})
	}
	return out, nil
}

// userSources reads the dictionaries of one user path.
func userSources(path string, prio int) ([]source, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("codebook: %w", err)
	}
	read := func(p string) (source, bool, error) {
		data, err := os.ReadFile(p)
		if err != nil {
			return source{}, false, fmt.Errorf("codebook: %w", err)
		}
		base := filepath.Base(p)
		switch {
		case base == FileCodes || base == FileVerbs || base == FileForms:
			return source{name: p, kind: base, data: data, prio: prio}, true, nil
		case IsPETRARCH(data):
			return source{name: p, kind: "petrarch", data: data, prio: prio}, true, nil
		}
		return source{}, false, nil
	}
	if !info.IsDir() {
		s, ok, err := read(path)
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, fmt.Errorf("codebook: %s: neither %s, %s, %s nor a PETRARCH verb dictionary",
				path, FileCodes, FileVerbs, FileForms)
		}
		return []source{s}, nil
	}
	entries, err := os.ReadDir(path)
	if err != nil {
		return nil, fmt.Errorf("codebook: %w", err)
	}
	var out []source
	for _, e := range entries {
		if e.IsDir() || !e.Type().IsRegular() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		s, ok, err := read(filepath.Join(path, e.Name()))
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, s)
		}
	}
	return out, nil
}

// build parses every source: forms first (patterns need them), then
// codes (patterns are checked against them), then patterns in order.
func build(srcs []source) (*Codebook, error) {
	h := sha256.New()
	for _, s := range srcs {
		fmt.Fprintf(h, "%s\x00%d\x00", s.kind, len(s.data))
		h.Write(s.data)
	}
	cb := &Codebook{codes: map[string]*Code{}}
	cb.version = hex.EncodeToString(h.Sum(nil))[:16]

	irr := newIrregular()
	for _, s := range srcs {
		if s.kind != FileForms {
			continue
		}
		entries, err := dict.Parse(bytes.NewReader(s.data), s.name)
		if err != nil {
			return nil, fmt.Errorf("codebook: %w", err)
		}
		for i := range entries {
			if err := irr.add(&entries[i]); err != nil {
				return nil, fmt.Errorf("codebook: %w", err)
			}
		}
	}
	for _, s := range srcs {
		if s.kind != FileCodes {
			continue
		}
		entries, err := dict.Parse(bytes.NewReader(s.data), s.name)
		if err != nil {
			return nil, fmt.Errorf("codebook: %w", err)
		}
		for i := range entries {
			if err := cb.addCode(&entries[i]); err != nil {
				return nil, fmt.Errorf("codebook: %w", err)
			}
		}
	}
	if err := cb.checkParents(); err != nil {
		return nil, fmt.Errorf("codebook: %w", err)
	}
	comp := newCompiler(irr)
	byText := map[string]int{} // pattern text -> rule index, for overrides
	for _, s := range srcs {
		switch s.kind {
		case FileVerbs:
			entries, err := dict.Parse(bytes.NewReader(s.data), s.name)
			if err != nil {
				return nil, fmt.Errorf("codebook: %w", err)
			}
			for i := range entries {
				if err := cb.addVerbs(comp, &entries[i], s.prio, byText); err != nil {
					return nil, fmt.Errorf("codebook: %w", err)
				}
			}
		case "petrarch":
			if err := cb.addPETRARCH(comp, s); err != nil {
				return nil, fmt.Errorf("codebook: %w", err)
			}
		}
	}
	cb.buildIndex()
	return cb, nil
}

// addCode reads one line of cameo.txt.
func (cb *Codebook) addCode(e *dict.Entry) error {
	code := e.Code
	if !isCode(code) {
		return e.Errorf("code %q: want 2 to 4 digits", code)
	}
	for k := range e.Attrs {
		switch k {
		case "quad", "goldstein", "plover", "mode", "context", "acled":
		default:
			return e.Errorf("unknown attribute %q", k)
		}
	}
	c := &Code{Code: code, Label: strings.Join(e.Names, "; "), Rule: e.Ref()}
	quad, ok, err := e.Int("quad")
	if err != nil {
		return err
	}
	if !ok || quad < 1 || quad > 4 {
		return e.Errorf("quad=%s: want 1 to 4", e.Attr("quad"))
	}
	c.Quad = quad
	g, ok, err := e.Float("goldstein")
	if err != nil {
		return err
	}
	if !ok || g < -10 || g > 10 {
		return e.Errorf("goldstein=%s: want -10 to 10", e.Attr("goldstein"))
	}
	c.Goldstein = g
	typ := e.Attr("plover")
	if typ == "" {
		return e.Errorf("plover= missing (write plover=- for none)")
	}
	if typ != "-" {
		c.PLOVER.Type = typ
	}
	if err := checkPLOVER(c.PLOVER.Type, e.Attr("mode"), e.List("context")); err != nil {
		return e.Errorf("%v", err)
	}
	c.PLOVER.Mode = domain.NullString(e.Attr("mode"))
	c.PLOVER.Context = e.List("context")
	if v := e.Attr("acled"); v != "" {
		a, err := parseACLED(v)
		if err != nil {
			return e.Errorf("%v", err)
		}
		c.ACLED = a
	}
	if _, dup := cb.codes[code]; !dup {
		cb.order = append(cb.order, code)
	}
	cb.codes[code] = c
	return nil
}

func isCode(s string) bool {
	if len(s) < 2 || len(s) > 4 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	n, _ := strconv.Atoi(s[:2])
	return n >= 1 && n <= 20
}

// checkParents makes sure every code's parent is defined: 0871 needs
// 087, which needs 08.
func (cb *Codebook) checkParents() error {
	for _, code := range cb.order {
		if p := Parent(code); p != "" {
			if _, ok := cb.codes[p]; !ok {
				return fmt.Errorf("%s: code %s has no parent %s", cb.codes[code].Rule, code, p)
			}
		}
	}
	return nil
}

// checkPLOVER validates a type, mode and contexts against the manual.
func checkPLOVER(typ, mode string, contexts []string) error {
	if typ == "" {
		if mode != "" {
			return fmt.Errorf("mode=%s without a PLOVER type", mode)
		}
	} else {
		modes, ok := ploverModes[typ]
		if !ok {
			return fmt.Errorf("plover=%s: not a PLOVER type (%s)", typ, strings.Join(PLOVERTypes, ", "))
		}
		if mode != "" && !slices.Contains(modes, mode) {
			return fmt.Errorf("mode=%s: not a mode of %s (%s)", mode, typ, strings.Join(modes, ", "))
		}
	}
	for _, c := range contexts {
		if !ploverContexts[c] {
			return fmt.Errorf("context=%s: not a PLOVER context", c)
		}
	}
	return nil
}

// parseACLED reads "Type: Sub-type".
func parseACLED(v string) (*domain.ACLED, error) {
	t, sub, ok := strings.Cut(v, ":")
	t, sub = strings.TrimSpace(t), strings.TrimSpace(sub)
	subs, known := acledTypes[t]
	if !ok || !known || !slices.Contains(subs, sub) {
		return nil, fmt.Errorf("acled=%q: want \"Event type: Sub-event type\" from ACLED's vocabulary", v)
	}
	return &domain.ACLED{EventType: t, SubEventType: sub}, nil
}

// addVerbs reads one line of verbs.txt: each of its patterns becomes a
// rule. A pattern written again (in a later file) replaces the earlier
// rule.
func (cb *Codebook) addVerbs(comp *compiler, e *dict.Entry, prio int, byText map[string]int) error {
	code := e.Code
	if code != StopCode {
		if _, ok := cb.codes[code]; !ok {
			return e.Errorf("code %s is not in %s", code, FileCodes)
		}
	}
	base := rule{code: code, ref: e.Ref(), prio: prio, line: e.Line, stop: code == StopCode}
	for k, v := range e.Attrs {
		switch k {
		case "acled":
			a, err := parseACLED(v)
			if err != nil {
				return e.Errorf("%v", err)
			}
			base.acled = a
		case "plover":
			if _, ok := ploverModes[v]; !ok {
				return e.Errorf("plover=%s: not a PLOVER type (%s)", v, strings.Join(PLOVERTypes, ", "))
			}
			base.plover = v
		case "mode":
			base.mode = v
		case "context":
			base.context = e.List("context")
		case "modality":
			if !patternModalities[v] {
				return e.Errorf("modality=%s: want intended, demanded, negated, hypothetical or conditional", v)
			}
			base.modality = v
		case "class":
			if !patternClasses[v] {
				return e.Errorf("class=%s: want report, promise or demand", v)
			}
			base.class = v
		case "roles":
			switch v {
			case "inverse":
				base.inverse = true
			case "passive":
				base.passive = true
			case "strict":
				base.strict = true
			default:
				return e.Errorf("roles=%s: want inverse, passive or strict", v)
			}
		default:
			return e.Errorf("unknown attribute %q", k)
		}
	}
	if base.plover != "" && base.mode == "" && base.plover != cb.codes[code].PLOVER.Type {
		// The code's mode belongs to the code's type, not this one.
		base.mode = "-"
	}
	if !base.stop && (base.mode != "" || base.context != nil) {
		typ := cb.codes[code].PLOVER.Type
		if base.plover != "" {
			typ = base.plover
		}
		if err := checkPLOVER(typ, strings.TrimPrefix(base.mode, "-"), base.context); err != nil {
			return e.Errorf("%v", err)
		}
	}
	for _, name := range e.Names {
		elems, err := comp.compile(name)
		if err != nil {
			return e.Errorf("pattern %q: %v", name, err)
		}
		r := base
		r.text = strings.Join(strings.Fields(name), " ")
		r.elems = elems
		r.head, r.verb = headOf(elems)
		cb.finishRule(&r)
		if i, ok := byText[r.text]; ok {
			if cb.rules[i].prio == prio {
				return e.Errorf("pattern %q given twice (also %s)", name, cb.rules[i].ref)
			}
			cb.rules[i] = r
			continue
		}
		byText[r.text] = len(cb.rules)
		cb.rules = append(cb.rules, r)
	}
	return nil
}

// finishRule fills in the rule's mode, contexts and ACLED type from its
// code where the pattern gives none, so that a match carries what it
// means without a second lookup.
func (cb *Codebook) finishRule(r *rule) {
	if r.stop {
		return
	}
	c := cb.codes[r.code]
	if r.plover == "" {
		r.plover = c.PLOVER.Type
	}
	switch r.mode {
	case "":
		r.mode = string(c.PLOVER.Mode)
	case "-":
		r.mode = ""
	}
	if r.acled == nil {
		r.acled = c.ACLED
	}
	if len(r.context) == 0 {
		r.context = c.PLOVER.Context
		return
	}
	merged := slices.Clone(c.PLOVER.Context)
	for _, x := range r.context {
		if !slices.Contains(merged, x) {
			merged = append(merged, x)
		}
	}
	r.context = merged
}

// IsVerb reports whether norm is the base form of a verb the patterns
// know ("protect" in "to protect their people").
func (cb *Codebook) IsVerb(norm string) bool { return cb.bases[norm] }

// IsPast reports whether norm is the past tense or participle of a verb
// the patterns know, irregular ones included ("held", "took").
func (cb *Codebook) IsPast(norm string) bool { return cb.pasts[norm] }

// buildIndex interns the rules' words and indexes every rule by the
// words its first element matches.
func (cb *Codebook) buildIndex() {
	cb.bases = map[string]bool{}
	cb.pasts = map[string]bool{}
	for i := range cb.rules {
		for _, el := range cb.rules[i].elems {
			for _, g := range el.verbs {
				for _, f := range g.forms {
					if f.set&canBase != 0 {
						cb.bases[f.norm] = true
					}
					if f.set&(canPast|canPart) != 0 {
						cb.pasts[f.norm] = true
					}
				}
			}
		}
	}
	cb.words = map[string]int32{}
	for i := range cb.rules {
		cb.intern(&cb.rules[i])
	}
	cb.index = make([][]int32, len(cb.words))
	for i := range cb.rules {
		r := &cb.rules[i]
		var firsts []int32
		switch first := &r.elems[0]; first.kind {
		case elemLit:
			for _, a := range first.altIDs {
				firsts = append(firsts, a[0])
			}
		case elemVerb:
			for _, g := range first.verbs {
				for _, f := range g.formIDs {
					firsts = append(firsts, f.id)
				}
			}
		}
		slices.Sort(firsts)
		for _, id := range slices.Compact(firsts) {
			cb.index[id] = append(cb.index[id], int32(i))
		}
	}
}

// formTable returns the forms of a large verb group indexed by word id,
// shared with every group of the same forms (many patterns name the same
// list of verbs).
func (cb *Codebook) formTable(forms []idForm) []formSet {
	var key strings.Builder
	n := int32(0)
	for _, f := range forms {
		fmt.Fprintf(&key, "%d:%d,", f.id, f.set)
		n = max(n, f.id+1)
	}
	if t, ok := cb.formTables[key.String()]; ok {
		return t
	}
	t := make([]formSet, n)
	for _, f := range forms {
		t[f.id] |= f.set
	}
	if cb.formTables == nil {
		cb.formTables = map[string][]formSet{}
	}
	cb.formTables[key.String()] = t
	return t
}

// word returns the id of a word, giving it one when it is new.
func (cb *Codebook) word(w string) int32 {
	id, ok := cb.words[w]
	if !ok {
		id = int32(len(cb.words))
		cb.words[w] = id
	}
	return id
}

// intern fills in the matcher's form of a rule: its words as ids, which
// compare faster than strings, and the blooms of the words each element
// after the first needs.
func (cb *Codebook) intern(r *rule) {
	r.needs = r.needs[:0]
	for e := range r.elems {
		el := &r.elems[e]
		el.bloom = bloom{}
		switch el.kind {
		case elemLit:
			el.altIDs = make([][]int32, len(el.alts))
			for ai, a := range el.alts {
				ids := make([]int32, len(a))
				for j, w := range a {
					ids[j] = cb.word(w)
				}
				el.altIDs[ai] = ids
				el.bloom.add(ids[0])
			}
			el.byFirst = nil
			if len(el.alts) > 4 {
				el.byFirst = make(map[int32][]int32, len(el.alts))
				for ai, a := range el.altIDs {
					el.byFirst[a[0]] = append(el.byFirst[a[0]], int32(ai))
				}
			}
		case elemVerb:
			for gi := range el.verbs {
				g := &el.verbs[gi]
				g.formIDs = make([]idForm, len(g.forms))
				for fi, f := range g.forms {
					id := cb.word(f.norm)
					g.formIDs[fi] = idForm{id, f.set}
					el.bloom.add(id)
				}
				g.formByID = nil
				if len(g.forms) > 16 {
					g.formByID = cb.formTable(g.formIDs)
				}
				g.particleIDs = make([]int32, len(g.particles))
				for j, w := range g.particles {
					g.particleIDs[j] = cb.word(w)
				}
			}
		default:
			continue
		}
		if e > 0 {
			r.needs = append(r.needs, el.bloom)
		}
	}
}

// Code returns the code's entry.
func (cb *Codebook) Code(code string) (Code, bool) {
	c, ok := cb.codes[code]
	if !ok {
		return Code{}, false
	}
	return *c, true
}

// Codes returns every code, in the order of cameo.txt.
func (cb *Codebook) Codes() []Code {
	out := make([]Code, 0, len(cb.order))
	for _, code := range cb.order {
		out = append(out, *cb.codes[code])
	}
	return out
}

// Patterns returns every loaded pattern, in load order.
func (cb *Codebook) Patterns() []Pattern {
	out := make([]Pattern, len(cb.rules))
	for i := range cb.rules {
		r := &cb.rules[i]
		out[i] = Pattern{Code: r.code, Rule: r.ref, Text: r.text, Nominal: !r.verb,
			Class: r.class, Modality: r.modality, PLOVER: r.plover, Mode: r.mode, ACLED: r.acled}
	}
	return out
}

// Skipped returns how many rules of PETRARCH dictionaries were skipped
// because their code is not in the codebook.
func (cb *Codebook) Skipped() int { return cb.skipped }

// Version identifies the loaded data: a hash of every file read, for the
// coder version of each record.
func (cb *Codebook) Version() string { return cb.version }

// IsPETRARCH reports whether data looks like a PETRARCH or TABARI CAMEO
// verb dictionary: it has a verb block header "--- NAME [code] ---".
func IsPETRARCH(data []byte) bool {
	for line := range bytes.SplitSeq(data, []byte("\n")) {
		if isBlockHeader(string(bytes.TrimSpace(line))) {
			return true
		}
	}
	return false
}
