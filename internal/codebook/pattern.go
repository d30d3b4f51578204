package codebook

import (
	"fmt"
	"slices"
	"strings"

	"github.com/truce/truce/internal/domain"
	"github.com/truce/truce/internal/text"
)

// Limits on one pattern, so that matching needs no allocation: the
// matcher keeps each element's position in fixed arrays.
const (
	maxElems   = 24
	maxGap     = 3 // tokens a "*" may skip
	maxTarget  = 8 // words a "T" slot may span, besides a time after it ("the International Court of Justice on Thursday")
	maxTrigger = 48
	maxGaps    = 8 // gaps in one pattern
)

type elemKind uint8

const (
	elemLit elemKind = iota + 1
	elemVerb
	elemGap
	elemTarget
)

// element is one compiled pattern element.
type element struct {
	kind elemKind
	// alts are a literal's alternatives, each a token sequence, longest
	// first.
	alts [][]string
	// The matcher's form of alts, filled in by Codebook.intern: altIDs
	// are the alternatives as word ids; byFirst indexes them by their
	// first word when there are many (a synonym set), so a miss costs
	// one lookup; bloom has one bit for each word the element can start
	// with, so that a rule whose words are absent from a sentence is
	// skipped before it is tried.
	altIDs  [][]int32
	byFirst map[int32][]int32
	bloom   bloom
	// verbs are a verb element's alternatives, grouped by the particles
	// that follow the verb ("+ask_for|urge": ask + for, urge + none).
	verbs []verbGroup
}

// verbGroup is the verbs of one element that share their particles.
type verbGroup struct {
	forms     []verbForm // the written forms
	particles []string
	// The matcher's form, filled in by Codebook.intern: the forms by
	// word id (indexed by id when there are many), the particles as ids.
	formIDs     []idForm
	formByID    []formSet
	particleIDs []int32
}

type verbForm struct {
	norm string
	set  formSet
}

type idForm struct {
	id  int32
	set formSet
}

// rule is one compiled pattern with what it codes.
type rule struct {
	code     string
	ref      string // file:line
	text     string // the pattern as written
	elems    []element
	head     int // index of the head element
	verb     bool
	class    string
	modality string
	inverse  bool   // roles=inverse: the subject undergoes, the target acts
	passive  bool   // roles=passive: a passive spelled out ("+be * detained")
	strict   bool   // roles=strict: only with its subject and object beside it
	plover   string // PLOVER type, when the words fix it apart from the code
	mode     string
	context  []string
	acled    *domain.ACLED
	prio     int // load order of its file; later wins ties
	// needs are the blooms of the rule's words after the first: each
	// must meet the sentence's for the rule to be tried.
	needs []bloom
	line  int
	stop  bool // code "---"
}

// functionWords end the leading run of content words that gives a
// nominal pattern its head.
var functionWords = setOf("of", "in", "on", "at", "to", "for", "with", "by", "from", "against",
	"between", "among", "into", "over", "the", "a", "an", "and", "or", "'s", "near", "after",
	"before", "across", "along", "inside", "outside", "toward", "towards", "upon", "under", "that")

// compiler turns pattern text into elements, sharing verb forms between
// patterns.
type compiler struct {
	irr   *irregular
	verbs map[string][]verbForm // by lemma
}

func newCompiler(irr *irregular) *compiler {
	return &compiler{irr: irr, verbs: map[string][]verbForm{}}
}

func (c *compiler) lemmaForms(lemma string) []verbForm {
	if f, ok := c.verbs[lemma]; ok {
		return f
	}
	m := c.irr.verbForms(lemma)
	out := make([]verbForm, 0, len(m))
	for w, s := range m {
		out = append(out, verbForm{w, s})
	}
	sortForms(out) // deterministic order
	c.verbs[lemma] = out
	return out
}

// verbElement builds a verb element from alternatives, each a lemma and
// the particles that follow it; a strict alternative ("+storm!") keeps
// only the past, participle and gerund, since its base and third-person
// forms are common nouns (storm, storms).
func (c *compiler) verbElement(alts [][]string, strict []bool) element {
	el := element{kind: elemVerb}
	for ai, alt := range alts {
		key := strings.Join(alt[1:], " ")
		gi := -1
		for i := range el.verbs {
			if strings.Join(el.verbs[i].particles, " ") == key {
				gi = i
				break
			}
		}
		if gi < 0 {
			el.verbs = append(el.verbs, verbGroup{particles: alt[1:]})
			gi = len(el.verbs) - 1
		}
		g := &el.verbs[gi]
		for _, f := range c.lemmaForms(alt[0]) {
			if ai < len(strict) && strict[ai] {
				// "+storm!": only the forms that are not also nouns.
				if f.set &^= canBase | canThird; f.set == 0 {
					continue
				}
			}
			g.forms = append(g.forms, f)
		}
	}
	for i := range el.verbs {
		el.verbs[i].compact()
	}
	slices.SortStableFunc(el.verbs, func(a, b verbGroup) int { return len(b.particles) - len(a.particles) })
	return el
}

// compact merges the forms a word can be, one entry a word, in order.
func (g *verbGroup) compact() {
	m := make(map[string]formSet, len(g.forms))
	for _, f := range g.forms {
		m[f.norm] |= f.set
	}
	g.forms = g.forms[:0]
	for w, s := range m {
		g.forms = append(g.forms, verbForm{w, s})
	}
	sortForms(g.forms)
}

func sortForms(f []verbForm) {
	for i := 1; i < len(f); i++ {
		for j := i; j > 0 && f[j].norm < f[j-1].norm; j-- {
			f[j], f[j-1] = f[j-1], f[j]
		}
	}
}

// litElement builds a literal element from alternatives (token
// sequences, plurals already expanded).
func litElement(alts [][]string) element {
	// Longest first: the first alternative that lets the rest match is
	// kept, and "to_cut_off" says more than "to_cut" followed by a gap.
	slices.SortStableFunc(alts, func(a, b []string) int { return len(b) - len(a) })
	return element{kind: elemLit, alts: alts}
}

// bloom is a 256-bit set of word ids: a sentence's words, or the words
// an element can start with.
type bloom [4]uint64

func (b *bloom) add(id int32) {
	bit := uint32(id) & 255
	b[bit>>6] |= 1 << (bit & 63)
}

// has reports whether id may be in the set.
func (b *bloom) has(id int32) bool {
	bit := uint32(id) & 255
	return b[bit>>6]&(1<<(bit&63)) != 0
}

// meets reports whether the sets may share a word.
func (b *bloom) meets(o *bloom) bool {
	for i := range b {
		if b[i]&o[i] != 0 {
			return true
		}
	}
	return false
}

// tokens splits written words into normalised tokens, as the text
// package splits sentences: "cease-fire" is cease, -, fire.
func tokens(w string) []string {
	toks := text.Tokenize(w, 0, len(w), nil)
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Norm
	}
	return out
}

// compile parses one PATTERN of verbs.txt.
func (c *compiler) compile(src string) ([]element, error) {
	fields := strings.Fields(src)
	if len(fields) == 0 {
		return nil, fmt.Errorf("empty pattern")
	}
	var elems []element
	for _, f := range fields {
		switch {
		case f == "*":
			if len(elems) > 0 && elems[len(elems)-1].kind == elemGap {
				continue
			}
			elems = append(elems, element{kind: elemGap})
		case f == "T":
			elems = append(elems, element{kind: elemTarget})
		case strings.HasPrefix(f, "+"):
			var alts [][]string
			var strict []bool
			for a := range strings.SplitSeq(f[1:], "|") {
				words := strings.Split(a, "_")
				bang := strings.HasSuffix(words[0], "!")
				words[0] = strings.TrimSuffix(words[0], "!")
				a = strings.Join(words, "_")
				if a == "" || strings.ContainsAny(a, "~*+!") {
					return nil, fmt.Errorf("%q: want +lemma, +lemma!, +lemma_particle or +a|b", f)
				}
				strict = append(strict, bang)
				lemma := tokens(words[0])
				if len(lemma) > 1 && !strings.Contains(f, "|") {
					// A hyphenated verb (co-operate, de-escalate) is its
					// prefix as words, then the inflected last part.
					for _, w := range lemma[:len(lemma)-1] {
						elems = append(elems, litElement([][]string{{w}}))
					}
					lemma = lemma[len(lemma)-1:]
				}
				if len(lemma) != 1 {
					return nil, fmt.Errorf("%q: the verb %q is not one word (a hyphenated verb takes no alternatives)", f, words[0])
				}
				if functionWords[lemma[0]] {
					// "+speak_to|with" means speak_to or a verb "with":
					// write "+speak to|with".
					return nil, fmt.Errorf("%q: %q is not a verb (alternatives of a verb are verbs)", f, words[0])
				}
				alt := lemma
				for _, w := range words[1:] {
					alt = append(alt, tokens(w)...)
				}
				alts = append(alts, alt)
			}
			elems = append(elems, c.verbElement(alts, strict))
		default:
			var alts [][]string
			for a := range strings.SplitSeq(f, "|") {
				seqs, err := c.expand(a)
				if err != nil {
					return nil, fmt.Errorf("%q: %v", f, err)
				}
				alts = append(alts, seqs...)
			}
			elems = append(elems, litElement(alts))
		}
	}
	return elems, checkElems(elems)
}

// expand turns one literal alternative into token sequences: words
// joined by "_", each "word~" also as its plurals.
func (c *compiler) expand(a string) ([][]string, error) {
	if a == "" {
		return nil, fmt.Errorf("empty alternative")
	}
	seqs := [][]string{nil}
	for w := range strings.SplitSeq(a, "_") {
		plural := strings.HasSuffix(w, "~")
		w = strings.TrimSuffix(w, "~")
		if w == "" || strings.ContainsAny(w, "~*+") {
			return nil, fmt.Errorf("malformed alternative %q", a)
		}
		toks := tokens(w)
		if len(toks) == 0 {
			return nil, fmt.Errorf("no word in alternative %q", a)
		}
		variants := [][]string{toks}
		if plural {
			last := toks[len(toks)-1]
			for _, p := range c.irr.nounPlurals(last) {
				variants = append(variants, append(slices.Clone(toks[:len(toks)-1]), p))
			}
		}
		var next [][]string
		for _, s := range seqs {
			for _, v := range variants {
				next = append(next, append(slices.Clone(s), v...))
			}
		}
		seqs = next
	}
	return seqs, nil
}

// checkElems enforces the shape every pattern must have.
func checkElems(elems []element) error {
	if len(elems) == 0 {
		return fmt.Errorf("empty pattern")
	}
	if k := elems[0].kind; k != elemLit && k != elemVerb {
		return fmt.Errorf("a pattern starts with a word or a verb")
	}
	if elems[len(elems)-1].kind == elemGap {
		return fmt.Errorf("a pattern does not end with a gap")
	}
	if len(elems) > maxElems {
		return fmt.Errorf("more than %d elements", maxElems)
	}
	targets, trig, gaps := 0, 0, 0
	for i, e := range elems {
		switch e.kind {
		case elemGap:
			gaps++
		case elemTarget:
			targets++
			if i > 0 && elems[i-1].kind == elemGap {
				return fmt.Errorf("a gap before T is redundant: T is already 1 to %d tokens", maxTarget)
			}
		case elemLit:
			longest := 0
			for _, a := range e.alts {
				longest = max(longest, len(a))
			}
			trig += longest
		case elemVerb:
			longest := 0
			for _, g := range e.verbs {
				longest = max(longest, 1+len(g.particles))
			}
			trig += longest
		}
	}
	if targets > 1 {
		return fmt.Errorf("more than one T")
	}
	if gaps > maxGaps {
		// Each gap multiplies the positions tried; a handful is plenty.
		return fmt.Errorf("more than %d gaps", maxGaps)
	}
	if trig > maxTrigger {
		return fmt.Errorf("more than %d words", maxTrigger)
	}
	return nil
}

// headOf returns the head element: the first verb, else the last element
// of the leading run of literal content words.
func headOf(elems []element) (head int, verb bool) {
	for i, e := range elems {
		if e.kind == elemVerb {
			return i, true
		}
	}
	head = 0
	for i, e := range elems {
		if e.kind != elemLit || (i > 0 && isFunction(e)) {
			break
		}
		head = i
	}
	return head, false
}

// isFunction reports whether every alternative of a literal is one
// function word.
func isFunction(e element) bool {
	for _, a := range e.alts {
		if len(a) != 1 || !functionWords[a[0]] {
			return false
		}
	}
	return true
}
