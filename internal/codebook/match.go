package codebook

import (
	"slices"
	"strings"
	"sync"

	"github.com/truce/truce/internal/domain"
	"github.com/truce/truce/internal/text"
)

// Match is one pattern found in a sentence. Token indices are into the
// tokens given to Match.
type Match struct {
	// Code is the CAMEO code; Rule the pattern's provenance
	// ("verbs.txt:123"); Pattern its text.
	Code    string
	Rule    string
	Pattern string
	// Start and End are the tokens the match covers, End exclusive.
	Start, End int
	// Head is the verb's token, or a nominal pattern's head word.
	Head int
	// Form is the verb's form at Head (Noun for a nominal pattern);
	// Passive is set when a participle follows a form of "be" or "get"
	// ("was attacked"), where the subject is the target.
	Form    Form
	Passive bool
	// Target is the token where the T slot starts, or -1.
	Target int
	// Trigger lists the tokens of the matched words and verb, in order:
	// the trigger text of the event.
	Trigger []int
	// Nominal is set for a pattern without a verb element.
	Nominal bool
	// Class and Modality are the pattern's (see the package doc).
	Class    string
	Modality string
	// Strict is set by roles=strict: the verb is an event only with its
	// subject right before it and its object right after ("guerrillas
	// wounded two soldiers", not "200 wounded" or "the wounded").
	Strict bool
	// Inverse is set by roles=inverse: the subject undergoes the event
	// and the target slot names who does it ("received aid from X").
	Inverse bool
	// PLOVER (the type), Mode, Context and ACLED are the pattern's where
	// it gives them, else the code's: what this match means in PLOVER
	// and ACLED terms. A pattern sets a type apart from its CAMEO code
	// where the PLOVER manual does ("resigned": CAMEO 0831, PLOVER
	// RETREAT resign). Context and ACLED are shared with the codebook:
	// read them, never modify them.
	PLOVER  string
	Mode    string
	Context []string
	ACLED   *domain.ACLED
}

// cand is a match before overlaps are resolved.
type cand struct {
	rule             int32
	start, end, head int32
	target           int32
	trigOff, trigLen int32
	gap              int32 // tokens skipped by gaps
	form             Form
	passive          bool
}

// scratch is the matcher's working memory, reused between calls so that
// matching allocates only the result.
type scratch struct {
	toks  []text.Token
	ids   []int32 // the tokens' word ids, -1 for words no pattern has
	pos   [maxElems]int32
	end   [maxElems]int32
	sets  [maxElems]formSet
	cands []cand
	trig  []int32
	order []int32
	kept  []int32
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// Match appends to dst every match of the codebook's patterns in one
// sentence's tokens, after resolving overlaps (see the package doc), in
// the order of their heads. It allocates only the trigger lists of the
// matches it returns.
func (cb *Codebook) Match(toks []text.Token, dst []Match) []Match {
	if len(toks) == 0 || len(cb.rules) == 0 {
		return dst
	}
	s := scratchPool.Get().(*scratch)
	defer scratchPool.Put(s)
	s.toks = toks
	s.cands = s.cands[:0]
	s.trig = s.trig[:0]
	s.ids = s.ids[:0]
	var words bloom
	for i := range toks {
		id, ok := cb.words[toks[i].Norm]
		if !ok {
			id = -1
		} else {
			words.add(id)
		}
		s.ids = append(s.ids, id)
	}
	for i := range toks {
		if s.ids[i] < 0 {
			continue
		}
	rules:
		for _, id := range cb.index[s.ids[i]] {
			r := &cb.rules[id]
			for j := range r.needs {
				if !r.needs[j].meets(&words) {
					continue rules
				}
			}
			if s.try(r, 0, i) {
				s.record(id, r)
			}
		}
	}
	s.toks = nil
	if len(s.cands) == 0 {
		return dst
	}
	s.resolve(cb)
	total := 0
	for _, k := range s.kept {
		total += int(s.cands[k].trigLen)
	}
	buf := make([]int, total)
	for _, k := range s.kept {
		c := &s.cands[k]
		r := &cb.rules[c.rule]
		trig := buf[:c.trigLen:c.trigLen]
		buf = buf[c.trigLen:]
		for j := range trig {
			trig[j] = int(s.trig[int(c.trigOff)+j])
		}
		dst = append(dst, Match{
			Code: r.code, Rule: r.ref, Pattern: r.text,
			Start: int(c.start), End: int(c.end), Head: int(c.head),
			Form: c.form, Passive: c.passive || r.passive, Target: int(c.target), Trigger: trig,
			Nominal: !r.verb, Class: r.class, Modality: r.modality, Inverse: r.inverse, Strict: r.strict,
			PLOVER: r.plover, Mode: r.mode, Context: r.context, ACLED: r.acled,
		})
	}
	return dst
}

// try matches elements e... of r at token p, recording each element's
// tokens; it returns the first match found, with the shortest gaps and
// target slots.
func (s *scratch) try(r *rule, e int, p int) bool {
	if e == len(r.elems) {
		return true
	}
	el := &r.elems[e]
	toks := s.toks
	n := len(toks)
	switch el.kind {
	case elemLit:
		if p >= n || s.ids[p] < 0 || !el.bloom.has(s.ids[p]) {
			return false
		}
		if el.byFirst != nil {
			for _, ai := range el.byFirst[s.ids[p]] {
				if s.tryAlt(r, e, p, el.altIDs[ai]) {
					return true
				}
			}
			return false
		}
		for _, alt := range el.altIDs {
			if alt[0] == s.ids[p] && s.tryAlt(r, e, p, alt) {
				return true
			}
		}
		return false
	case elemVerb:
		if p >= n || s.ids[p] < 0 || !el.bloom.has(s.ids[p]) || properNoun(toks, p) {
			return false
		}
		// A verb fused to a word by a hyphen is an adjective
		// ("Russian-backed", "long-awaited"), unless the pattern itself
		// wrote the hyphen ("+de-escalate").
		if hyphenated(toks, p) && (e == 0 || r.elems[e-1].kind != elemLit || s.end[e-1] != int32(p)) {
			return false
		}
		// So is one fused to the word after it ("an open-ended strike",
		// "a cross-border raid", "the hand-over"): no pattern writes a
		// hyphen after its verb.
		if p+1 < n && toks[p+1].Norm == "-" && fused(toks, p+1) {
			return false
		}
		for gi := range el.verbs {
			g := &el.verbs[gi]
			set := g.formOf(s.ids[p])
			if set == 0 || p+1+len(g.particleIDs) > n {
				continue
			}
			ok := true
			for j, w := range g.particleIDs {
				if s.ids[p+1+j] != w {
					ok = false
					break
				}
			}
			if !ok {
				continue
			}
			q := p + 1 + len(g.particleIDs)
			s.pos[e], s.end[e], s.sets[e] = int32(p), int32(q), set
			if s.try(r, e+1, q) {
				return true
			}
		}
		return false
	case elemGap:
		// The gap counts words, not tokens: the parts of a hyphenated
		// word ("four-day") and a possessive are one word.
		words := 0
		for k := 0; ; k++ {
			s.pos[e], s.end[e] = int32(p), int32(p+k)
			if s.try(r, e+1, p+k) {
				return true
			}
			q := p + k
			if q >= n || clausePunct(&toks[q]) {
				return false
			}
			if !fused(toks, q) && !timeWord(toks, q) {
				words++
			}
			if words > maxGap {
				return false
			}
		}
	case elemTarget:
		if p >= n || (toks[p].Kind != text.Word && toks[p].Kind != text.Number) || notTarget.At(&toks[p]) {
			return false
		}
		words, times := 0, 0
		for k := 1; ; k++ {
			q := p + k - 1
			if q >= n || clausePunct(&toks[q]) || k > 1 && (infinitiveTo(toks, q) || inTargetStop.At(&toks[q])) {
				// No T holds an infinitive or a clause: in "called on
				// Azerbaijan to halt the attack and to sit down", T is
				// Azerbaijan.
				return false
			}
			switch {
			case k > 1 && targetTime.At(&toks[q]) && times < 3:
				times++ // "the court on Thursday to": a time, not the party
			case !fused(toks, q):
				words++
			}
			if words > maxTarget {
				return false
			}
			s.pos[e], s.end[e] = int32(p), int32(p+k)
			if s.try(r, e+1, p+k) {
				return true
			}
		}
	}
	return false
}

// targetTime may follow the party a T slot names, uncounted: "asked the
// International Court of Justice on Thursday to".
var targetTime = text.NewWordSet("on", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"today", "yesterday", "again", "also", "last", "week", "earlier", "later")

// inTargetStop are words no T slot holds past its first word: they open
// a clause ("the martial law order early Wednesday after lawmakers …",
// "told Ankara that Russia had nothing to do with it").
var inTargetStop = text.NewWordSet("after", "before", "when", "while", "because", "since", "if", "like", "or", "that")

// gapTimeWords are words of time a gap passes over without counting them:
// "agreed on Saturday to a full ceasefire" keeps the verb and its object
// within a gap's reach.
var gapTimeWords = text.NewWordSet("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"yesterday", "today", "overnight", "tonight")

// timeWord reports whether token q is a weekday or a like word of time, or
// the "on" before a weekday.
func timeWord(toks []text.Token, q int) bool {
	if gapTimeWords.At(&toks[q]) {
		return true
	}
	return toks[q].Norm == "on" && q+1 < len(toks) && gapTimeWords.At(&toks[q+1])
}

// infinitiveTo reports whether token q is the "to" of an infinitive, not
// of "up to 10,000", "to 2,000" or "to New Delhi".
func infinitiveTo(toks []text.Token, q int) bool {
	return toks[q].Norm == "to" && toks[q-1].Norm != "up" && (q+1 >= len(toks) || toks[q+1].Kind == text.Word && toks[q+1].Shape == text.Lower)
}

// fused reports whether token i continues the word before it: a hyphen
// between two words written without spaces, the word after such a
// hyphen, a possessive "'s", a percent sign, or an amount after its
// currency sign.
func fused(toks []text.Token, i int) bool {
	if i == 0 || toks[i].Start != toks[i-1].End {
		return false
	}
	switch {
	case toks[i].Norm == "'s" || toks[i].Norm == "'":
		return true
	case toks[i].Norm == "%":
		return toks[i-1].Kind == text.Number
	case toks[i].Kind == text.Number:
		// "$2" is one word, like "2%".
		p := toks[i-1].Norm
		return p == "$" || p == "€" || p == "£"
	case toks[i].Norm == "-":
		return i+1 < len(toks) && toks[i+1].Start == toks[i].End && toks[i+1].Kind != text.Punct
	case toks[i-1].Norm == "-":
		return i >= 2 && toks[i-1].Start == toks[i-2].End && toks[i-2].Kind != text.Punct
	}
	return false
}

// hyphenated reports whether the word at i follows a hyphen that joins
// it to the word before.
func hyphenated(toks []text.Token, i int) bool {
	return i >= 2 && toks[i-1].Norm == "-" && fused(toks, i)
}

// properNoun reports whether the word at i is capitalised after another
// word: a name or a month ("in March", "Rally for Democracy"), not a verb.
// Sentence starts, words after punctuation and all-capital headlines
// still count as verbs.
func properNoun(toks []text.Token, i int) bool {
	if i == 0 || toks[i-1].Kind != text.Word {
		return false
	}
	sh := toks[i].Shape
	return sh == text.Title || sh == text.Mixed
}

// notTarget are words that cannot start a target slot: prepositions and
// conjunctions begin a phrase after the verb, not the actor it acts on.
var notTarget = text.NewWordSet("of", "for", "to", "in", "on", "at", "by", "with", "from", "into", "and",
	"or", "but", "that", "as", "than", "about", "over", "after", "before", "since", "until", "under",
	"amid", "despite", "following", "toward", "towards", "across", "along", "near", "without", "within",
	"while", "because", "if", "whether", "which", "who", "whom", "during", "through", "n't",
	"not", "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would")

// tryAlt matches one alternative of literal element e at token p, then
// the rest of the rule.
func (s *scratch) tryAlt(r *rule, e, p int, alt []int32) bool {
	if p+len(alt) > len(s.ids) {
		return false
	}
	for j, w := range alt {
		if s.ids[p+j] != w {
			return false
		}
	}
	s.pos[e], s.end[e] = int32(p), int32(p+len(alt))
	return s.try(r, e+1, p+len(alt))
}

// formOf returns the forms the word can be of this group's verbs, 0 when
// it is none.
func (g *verbGroup) formOf(id int32) formSet {
	if id < 0 {
		return 0
	}
	if g.formByID != nil {
		if int(id) < len(g.formByID) {
			return g.formByID[id]
		}
		return 0
	}
	for _, f := range g.formIDs {
		if f.id == id {
			return f.set
		}
	}
	return 0
}

// clausePunct reports whether t ends a clause for gaps and target slots.
func clausePunct(t *text.Token) bool {
	if t.Kind != text.Punct || len(t.Norm) != 1 {
		return false
	}
	switch t.Norm[0] {
	case ',', ';', ':', '.', '!', '?', '(', ')', '[', ']':
		return true
	}
	return false
}

// record stores the match just found by try.
func (s *scratch) record(id int32, r *rule) {
	last := len(r.elems) - 1
	c := cand{rule: id, start: s.pos[0], end: s.end[last], target: -1, trigOff: int32(len(s.trig))}
	for e := range r.elems {
		switch r.elems[e].kind {
		case elemGap:
			c.gap += s.end[e] - s.pos[e]
		case elemLit, elemVerb:
			for p := s.pos[e]; p < s.end[e]; p++ {
				s.trig = append(s.trig, p)
			}
		case elemTarget:
			c.target = s.pos[e]
		}
	}
	c.trigLen = int32(len(s.trig)) - c.trigOff
	if r.verb {
		c.head = s.pos[r.head]
		c.form, c.passive = resolveForm(s.sets[r.head], s.toks, int(c.head))
	} else {
		c.head = s.end[r.head] - 1
		c.form = Noun
	}
	s.cands = append(s.cands, c)
}

// resolve keeps, among overlapping candidates, the most specific (see
// the package doc), drops stop patterns, and orders the rest by head.
func (s *scratch) resolve(cb *Codebook) {
	s.order = s.order[:0]
	for i := range s.cands {
		s.order = append(s.order, int32(i))
	}
	slices.SortFunc(s.order, func(a, b int32) int {
		ca, cb2 := &s.cands[a], &s.cands[b]
		if ca.trigLen != cb2.trigLen {
			return int(cb2.trigLen - ca.trigLen)
		}
		ra, rb := &cb.rules[ca.rule], &cb.rules[cb2.rule]
		if ra.stop != rb.stop {
			return boolOrder(ra.stop, rb.stop)
		}
		if ra.verb != rb.verb {
			return boolOrder(ra.verb, rb.verb)
		}
		if ca.gap != cb2.gap {
			return int(ca.gap - cb2.gap)
		}
		if sa, sb := ca.end-ca.start, cb2.end-cb2.start; sa != sb {
			return int(sb - sa)
		}
		if ra.prio != rb.prio {
			return rb.prio - ra.prio
		}
		if ca.rule != cb2.rule {
			return int(ca.rule - cb2.rule)
		}
		return int(ca.start - cb2.start)
	})
	s.kept = s.kept[:0]
	for _, i := range s.order {
		c := &s.cands[i]
		drop := false
		for _, k := range s.kept {
			kc := &s.cands[k]
			if kc.head == c.head || overlaps(s.trig[kc.trigOff:kc.trigOff+kc.trigLen], s.trig[c.trigOff:c.trigOff+c.trigLen]) {
				drop = true
				break
			}
		}
		if !drop {
			s.kept = append(s.kept, i)
		}
	}
	out := s.kept[:0]
	for _, k := range s.kept {
		if !cb.rules[s.cands[k].rule].stop {
			out = append(out, k)
		}
	}
	s.kept = out
	slices.SortFunc(s.kept, func(a, b int32) int {
		ca, cb2 := &s.cands[a], &s.cands[b]
		if ca.head != cb2.head {
			return int(ca.head - cb2.head)
		}
		return int(ca.start - cb2.start)
	})
}

// boolOrder sorts true before false.
func boolOrder(a, b bool) int {
	if a {
		return -1
	}
	if b {
		return 1
	}
	return 0
}

// overlaps reports whether two trigger lists share a token.
func overlaps(a, b []int32) bool {
	for _, x := range a {
		if slices.Contains(b, x) {
			return true
		}
	}
	return false
}

// resolveForm decides the form of a verb from the forms its word can be
// and the words before it.
func resolveForm(set formSet, toks []text.Token, i int) (Form, bool) {
	switch set {
	case canGerund:
		return Gerund, false
	case canThird:
		return Third, false
	case canBase:
		return Base, false
	}
	aux, be := auxBefore(toks, i)
	switch {
	case set&canPart != 0 && aux:
		return Participle, be
	case set&canBase != 0:
		return Base, false
	case set&canPast != 0:
		return Past, false
	case set&canPart != 0:
		return Participle, false
	case set&canThird != 0:
		return Third, false
	}
	return Gerund, false
}

// auxBefore looks back from token i, over adverbs and negations, for an
// auxiliary: have (aux) or be/get (aux and be).
func auxBefore(toks []text.Token, i int) (aux, be bool) {
	for j := i - 1; j >= 0 && j >= i-4; j-- {
		switch w := toks[j].Norm; w {
		case "is", "are", "was", "were", "be", "been", "being", "am", "'re", "get", "gets", "got", "gotten", "getting":
			return true, true
		case "has", "have", "had", "having", "'ve", "'d":
			return true, false
		case "not", "n't", "never", "also", "already", "just", "since", "yet", "still", "then",
			"later", "now", "reportedly", "allegedly", "repeatedly", "all", "both", "subsequently":
			continue
		default:
			if strings.HasSuffix(w, "ly") && len(w) > 4 {
				continue
			}
			return false, false
		}
	}
	return false, false
}
