package codebook

import (
	"bufio"
	"bytes"
	"fmt"
	"strings"
)

// PETRARCH and TABARI CAMEO verb dictionaries, read into the same rules
// as verbs.txt. The format (see PETRARCH's PETRreader.read_verb_dictionary):
//
//	&CEASEFIRE                    a synonym set, one member a line
//	+TRUCE
//	+CEASE_FIRE                   "_" joins words; a final "_" keeps the
//	                              word from taking a plural
//	---  DECLARE   [010]  ---     a verb block and its default code
//	DECLARE                       the block's verbs, with irregular forms
//	PROCLAIM {PROCLAIMS ...}      in braces and an optional own [code]
//	+CALL_OFF [160]               a verb with a particle
//	- * &CEASEFIRE  [0871]  # ..  a pattern: "*" the verb, "+" the
//	                              target, "$" the source, "^" and "%"
//	                              skipped words, {a b} adjacent words,
//	                              (prep words) a phrase
//
// Parentheses only group; every unit becomes a literal separated from the
// next by a gap, which is as loose as PETRARCH's parse-tree matching and
// no looser than a clause.

// isBlockHeader reports whether line is "--- NAME [code] ---".
func isBlockHeader(line string) bool {
	if !strings.HasPrefix(line, "---") || !strings.HasSuffix(line, "---") || len(line) < 8 {
		return false
	}
	inner := strings.TrimSpace(line[3 : len(line)-3])
	open, close := strings.IndexByte(inner, '['), strings.IndexByte(inner, ']')
	return open > 0 && close > open
}

// petrVerb is one verb of a block: a lemma, its particles, the forms the
// file gives, and an own code.
type petrVerb struct {
	lemma     string
	particles []string
	forms     []string
	code      string
	line      int
	text      string
}

type petrPattern struct {
	units []petrUnit
	code  string
	line  int
	text  string
}

type petrBlock struct {
	code     string
	line     int
	verbs    []petrVerb
	patterns []petrPattern
}

// petrUnit is one element of a pattern before compiling.
type petrUnit struct {
	kind  byte     // 'v' verb, 't' target, 'g' gap, 'w' words, 's' synonym set
	words []string // 'w': adjacent words as written (upper case)
	set   string   // 's': the set's name
}

// addPETRARCH reads one PETRARCH verb dictionary into rules.
func (cb *Codebook) addPETRARCH(comp *compiler, src source) error {
	sets := map[string][]string{}
	var blocks []*petrBlock
	var cur *petrBlock
	var curSet string
	sc := bufio.NewScanner(bytes.NewReader(src.data))
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	n := 0
	for sc.Scan() {
		n++
		raw := sc.Text()
		if n == 1 {
			raw = strings.TrimPrefix(raw, "\uFEFF")
		}
		line := strings.TrimSpace(raw)
		if strings.Contains(line, "TRANSFORMATIONS") && strings.HasPrefix(line, "#") {
			break
		}
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = strings.TrimSpace(line[:i])
		}
		if line == "" {
			curSet = ""
			continue
		}
		switch {
		case isBlockHeader(line):
			curSet = ""
			code, _ := bracketCode(line[3 : len(line)-3])
			cur = &petrBlock{code: code, line: n}
			blocks = append(blocks, cur)
		case line[0] == '&':
			name := strings.Fields(line)[0]
			curSet = strings.ToUpper(name)
			cur = nil
		case curSet != "" && line[0] == '+':
			sets[curSet] = append(sets[curSet], strings.Fields(line[1:])...)
		case cur != nil && line[0] == '-':
			p, err := parsePETRPattern(line[1:])
			if err != nil {
				return fmt.Errorf("%s:%d: %v", src.name, n, err)
			}
			p.line = n
			p.text = line
			cur.patterns = append(cur.patterns, p)
		case cur != nil && (line[0] == '+' || isLetter(line[0])):
			v, err := parsePETRVerb(line)
			if err != nil {
				return fmt.Errorf("%s:%d: %v", src.name, n, err)
			}
			v.line = n
			v.text = line
			cur.verbs = append(cur.verbs, v)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s:%d: %w", src.name, n+1, err)
	}
	for _, b := range blocks {
		cb.addPETRBlock(comp, src, b, sets)
	}
	return nil
}

func isLetter(c byte) bool { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') }

// bracketCode returns the code of "... [code] ...": "a" of "[a:b]", else
// "b"; ok is false when there is no bracket.
func bracketCode(s string) (code string, ok bool) {
	open := strings.IndexByte(s, '[')
	if open < 0 {
		return "", false
	}
	end := strings.IndexByte(s[open:], ']')
	if end < 0 {
		return "", false
	}
	c := strings.TrimSpace(s[open+1 : open+end])
	if a, b, found := strings.Cut(c, ":"); found {
		c = a
		if c == "" {
			c = b
		}
	}
	return strings.TrimSpace(c), true
}

// parsePETRVerb reads "WORD_PART {FORMS} [code]".
func parsePETRVerb(line string) (petrVerb, error) {
	var v petrVerb
	if code, ok := bracketCode(line); ok {
		v.code = code
		line = line[:strings.IndexByte(line, '[')]
	}
	if i := strings.IndexByte(line, '{'); i >= 0 {
		j := strings.IndexByte(line, '}')
		if j < i {
			return v, fmt.Errorf("unclosed {")
		}
		for _, f := range strings.Fields(line[i+1 : j]) {
			w, _ := splitUnderscore(strings.TrimPrefix(f, "+"))
			if len(w) > 0 {
				v.forms = append(v.forms, strings.ToLower(w[0]))
			}
		}
		line = line[:i]
	}
	fields := strings.Fields(line)
	if len(fields) == 0 {
		return v, fmt.Errorf("verb line without a verb")
	}
	words, _ := splitUnderscore(strings.TrimPrefix(fields[0], "+"))
	if len(words) == 0 {
		return v, fmt.Errorf("verb line without a verb")
	}
	v.lemma = strings.ToLower(words[0])
	for _, p := range words[1:] {
		v.particles = append(v.particles, p)
	}
	return v, nil
}

// splitUnderscore splits "CEASE_FIRE" into words; exact is set when the
// name ends in "_" (no plural).
func splitUnderscore(s string) (words []string, exact bool) {
	exact = strings.HasSuffix(s, "_")
	for w := range strings.SplitSeq(s, "_") {
		if w != "" {
			words = append(words, w)
		}
	}
	return words, exact
}

// parsePETRPattern reads the part of a pattern line after "-".
func parsePETRPattern(s string) (petrPattern, error) {
	var p petrPattern
	code, ok := bracketCode(s)
	if !ok {
		return p, fmt.Errorf("pattern without [code]")
	}
	p.code = code
	s = s[:strings.IndexByte(s, '[')]
	var group []string // words inside braces
	inBrace := false
	flush := func() {
		if len(group) > 0 {
			p.units = append(p.units, petrUnit{kind: 'w', words: group})
			group = nil
		}
	}
	for _, f := range strings.Fields(strings.NewReplacer("{", " { ", "}", " } ", "(", " ", ")", " ").Replace(s)) {
		switch f {
		case "{":
			inBrace = true
			continue
		case "}":
			inBrace = false
			flush()
			continue
		}
		if !inBrace {
			flush()
		}
		switch {
		case f == "*":
			p.units = append(p.units, petrUnit{kind: 'v'})
		case f == "+":
			p.units = append(p.units, petrUnit{kind: 't'})
		case f == "$" || f == "^" || f == "%":
			p.units = append(p.units, petrUnit{kind: 'g'})
		case f[0] == '&':
			flush()
			p.units = append(p.units, petrUnit{kind: 's', set: strings.ToUpper(f)})
		default:
			group = append(group, f)
		}
		if !inBrace {
			flush()
		}
	}
	flush()
	return p, nil
}

// addPETRBlock turns one verb block into rules: each verb alone (with the
// block's or its own code), and each pattern for the block's verbs.
func (cb *Codebook) addPETRBlock(comp *compiler, src source, b *petrBlock, sets map[string][]string) {
	// Verbs without particles share one element; each verb with
	// particles is a sequence of its own.
	var plain []petrVerb
	var phrasal []petrVerb
	for _, v := range b.verbs {
		if len(v.particles) == 0 {
			plain = append(plain, v)
		} else {
			phrasal = append(phrasal, v)
		}
	}
	verbElems := func(v []petrVerb) []element {
		g := verbGroup{}
		for _, pv := range v {
			g.forms = append(g.forms, comp.lemmaForms(pv.lemma)...)
			for _, f := range pv.forms {
				g.forms = append(g.forms, verbForm{f, guessForm(f)})
			}
		}
		if len(v) == 1 {
			for _, p := range v[0].particles {
				g.particles = append(g.particles, tokens(p)...)
			}
		}
		g.compact()
		return []element{{kind: elemVerb, verbs: []verbGroup{g}}}
	}
	add := func(code string, line int, text string, elems []element) {
		if code == "" {
			return
		}
		stop := code == StopCode
		if !stop {
			if _, ok := cb.codes[code]; !ok {
				cb.skipped++
				return
			}
		}
		elems = trimPETR(elems)
		if checkElems(elems) != nil {
			cb.skipped++
			return
		}
		r := rule{code: code, ref: fmt.Sprintf("%s:%d", src.name, line), text: text, elems: elems,
			prio: src.prio, line: line, stop: stop}
		r.head, r.verb = headOf(elems)
		cb.finishRule(&r)
		cb.rules = append(cb.rules, r)
	}
	// The verbs alone.
	for _, v := range b.verbs {
		code := v.code
		if code == "" {
			code = b.code
		}
		if code == StopCode {
			continue // a block without a code codes nothing by its verb alone
		}
		add(code, v.line, v.text, verbElems([]petrVerb{v}))
	}
	// The patterns, for each group of verbs.
	groups := [][]petrVerb{}
	if len(plain) > 0 {
		groups = append(groups, plain)
	}
	for _, v := range phrasal {
		groups = append(groups, []petrVerb{v})
	}
	for _, p := range b.patterns {
		for _, g := range groups {
			var elems []element
			gap := func() {
				if len(elems) > 0 && elems[len(elems)-1].kind != elemGap && elems[len(elems)-1].kind != elemTarget {
					elems = append(elems, element{kind: elemGap})
				}
			}
			for _, u := range p.units {
				switch u.kind {
				case 'v':
					gap()
					elems = append(elems, verbElems(g)...)
				case 't':
					if len(elems) > 0 && elems[len(elems)-1].kind == elemGap {
						elems = elems[:len(elems)-1]
					}
					elems = append(elems, element{kind: elemTarget})
				case 'g':
					gap()
				case 'w':
					gap()
					for _, w := range u.words {
						elems = append(elems, petrWord(comp, w))
					}
				case 's':
					gap()
					elems = append(elems, petrSet(comp, sets[u.set]))
				}
			}
			add(p.code, p.line, p.text, elems)
		}
	}
}

// petrWord is one pattern word: exact when it ends in "_", else with
// its plural.
func petrWord(comp *compiler, w string) element {
	words, exact := splitUnderscore(w)
	var seq []string
	for _, x := range words {
		seq = append(seq, tokens(x)...)
	}
	if len(seq) == 0 {
		return element{kind: elemGap}
	}
	alts := [][]string{seq}
	last := seq[len(seq)-1]
	if !exact && len(last) > 3 && !functionWords[last] {
		for _, p := range comp.irr.nounPlurals(last) {
			alts = append(alts, append(append([]string(nil), seq[:len(seq)-1]...), p))
		}
	}
	return litElement(alts)
}

// petrSet is a synonym set as one literal element.
func petrSet(comp *compiler, members []string) element {
	var alts [][]string
	for _, m := range members {
		words, exact := splitUnderscore(m)
		var seq []string
		for _, x := range words {
			seq = append(seq, tokens(x)...)
		}
		if len(seq) == 0 {
			continue
		}
		alts = append(alts, seq)
		if last := seq[len(seq)-1]; !exact && len(last) > 3 {
			for _, p := range comp.irr.nounPlurals(last) {
				alts = append(alts, append(append([]string(nil), seq[:len(seq)-1]...), p))
			}
		}
	}
	if len(alts) == 0 {
		return element{kind: elemGap} // an unknown set matches nothing specific
	}
	return litElement(alts)
}

// trimPETR drops what a pattern may not start or end with: leading gaps
// and target slots, trailing gaps, and gaps made of empty words.
func trimPETR(elems []element) []element {
	for len(elems) > 0 && (elems[0].kind == elemGap || elems[0].kind == elemTarget) {
		elems = elems[1:]
	}
	for len(elems) > 0 && elems[len(elems)-1].kind == elemGap {
		elems = elems[:len(elems)-1]
	}
	out := elems[:0:0]
	for _, e := range elems {
		if e.kind == elemGap && len(out) > 0 && out[len(out)-1].kind == elemGap {
			continue
		}
		if e.kind == elemTarget && len(out) > 0 && out[len(out)-1].kind == elemGap {
			out = out[:len(out)-1]
		}
		out = append(out, e)
	}
	return out
}

// guessForm tells the forms of a word a PETRARCH file lists in braces.
func guessForm(w string) formSet {
	switch {
	case strings.HasSuffix(w, "ing"):
		return canGerund
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		return canThird
	}
	return canPast | canPart
}
