package gazetteer

import (
	"bufio"
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"github.com/truce/truce/internal/domain"
	"github.com/truce/truce/internal/text"
)

// PETRARCH/TABARI dictionaries, as users of PETRARCH2 and the Phoenix
// pipeline have them:
//
//	ILHAM_ALIYEV_  # comment
//	+ALIYEV_ILHAM_           a synonym of the entry above
//		[AZEGOV 030804-031104]   a code valid between two dates (yymmdd)
//		[AZEGOV >031031]         from a date on
//		[AZEELI]                 otherwise
//	AZERBAIJAN_ [AZE]        a name and its code on one line
//
// and agents, whose codes start with "~" and attach to the actor before
// them ("Azerbaijani troops"): TROOP [~MIL], POLICE {} [~COP],
// !MINIST! OF_DEFENSE [~GOVMIL] with substitution sets such as
// !MINIST! = MINISTER, MINISTERS, MINISTRY. Verb dictionaries are left to
// the event coder.

type petrKind int

const (
	petrNone petrKind = iota
	petrActors
	petrAgents
)

var (
	petrCodeRe  = regexp.MustCompile(`\[(~?)([A-Z0-9-]{3,})((?:\s+[<>]?\d{6,8}(?:-\d{6,8})?)?)\s*\]`)
	petrAgentRe = regexp.MustCompile(`\[~[A-Z]{3}`)
)

// petrarchKind tells an actor dictionary from an agent one by content: our
// own format has "NAME = CODE" lines and no bracketed codes.
func petrarchKind(raw []byte) petrKind {
	agents, actors, verbs := 0, 0, 0
	sc := bufio.NewScanner(bytes.NewReader(raw))
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for n := 0; sc.Scan() && n < 5000; n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		switch {
		case petrAgentRe.MatchString(line):
			agents++
		case petrCodeRe.MatchString(line):
			actors++
		case strings.HasPrefix(line, "- ") || strings.HasPrefix(line, "&") || strings.HasPrefix(line, "~"):
			verbs++
		}
	}
	switch {
	case verbs > actors+agents:
		return petrNone
	case agents > 0 && agents >= actors:
		return petrAgents
	case actors > 0:
		return petrActors
	}
	return petrNone
}

// petrEntry is one PETRARCH actor or agent with its names and codes.
type petrEntry struct {
	ref   string
	names []string // as words: "ilham aliyev"
	codes []datedCode
	agent bool
}

// parsePetrarchActors reads an actor dictionary.
func parsePetrarchActors(raw []byte, file string) ([]petrEntry, error) {
	var out []petrEntry
	var cur *petrEntry
	flush := func() {
		if cur != nil && len(cur.codes) > 0 && len(cur.names) > 0 {
			out = append(out, *cur)
		}
		cur = nil
	}
	sc := bufio.NewScanner(bytes.NewReader(raw))
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		trimmed := strings.TrimSpace(line)
		if trimmed == "" {
			continue
		}
		codes, rest, err := petrCodes(trimmed, false)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %v", file, n, err)
		}
		switch {
		case rest == "":
			// A line of codes for the entry above.
			if cur == nil {
				return nil, fmt.Errorf("%s:%d: codes without a name", file, n)
			}
			cur.codes = append(cur.codes, codes...)
		case strings.HasPrefix(rest, "+"):
			if cur == nil {
				return nil, fmt.Errorf("%s:%d: synonym without an entry", file, n)
			}
			cur.names = append(cur.names, petrName(rest[1:])...)
			cur.codes = append(cur.codes, codes...)
		default:
			flush()
			cur = &petrEntry{ref: fmt.Sprintf("%s:%d", file, n), names: petrName(rest), codes: codes}
		}
	}
	flush()
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return out, nil
}

// parsePetrarchAgents reads an agent dictionary.
func parsePetrarchAgents(raw []byte, file string) ([]petrEntry, error) {
	subst := map[string][]string{}
	var out []petrEntry
	sc := bufio.NewScanner(bytes.NewReader(raw))
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if strings.HasPrefix(line, "!") && strings.Contains(line, "=") && !strings.Contains(line, "[") {
			k, v, _ := strings.Cut(line, "=")
			for w := range strings.SplitSeq(v, ",") {
				if w = strings.TrimSpace(w); w != "" {
					subst[strings.TrimSpace(k)] = append(subst[strings.TrimSpace(k)], w)
				}
			}
			continue
		}
		codes, rest, err := petrCodes(line, true)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %v", file, n, err)
		}
		if len(codes) == 0 {
			continue // a stray word: PETRARCH ignores it too
		}
		// {PLURAL} gives irregular plurals; {} means none.
		var plurals []string
		if i := strings.IndexByte(rest, '{'); i >= 0 {
			if j := strings.IndexByte(rest[i:], '}'); j >= 0 {
				for p := range strings.FieldsSeq(rest[i+1 : i+j]) {
					plurals = append(plurals, p)
				}
				rest = rest[:i] + rest[i+j+1:]
			}
		}
		e := petrEntry{ref: fmt.Sprintf("%s:%d", file, n), codes: codes, agent: true}
		for _, form := range expand(strings.TrimSpace(rest), subst) {
			e.names = append(e.names, petrName(form)...)
		}
		for _, p := range plurals {
			e.names = append(e.names, petrName(p)...)
		}
		if len(e.names) > 0 {
			out = append(out, e)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return out, nil
}

// expand replaces each !SET! in s by each of its members.
func expand(s string, subst map[string][]string) []string {
	i := strings.IndexByte(s, '!')
	if i < 0 {
		return []string{s}
	}
	j := strings.IndexByte(s[i+1:], '!')
	if j < 0 {
		return []string{s}
	}
	key := s[i : i+j+2]
	members, ok := subst[key]
	if !ok {
		return []string{strings.ReplaceAll(s, key, "")}
	}
	var out []string
	for _, m := range members {
		out = append(out, expand(s[:i]+m+s[i+j+2:], subst)...)
	}
	return out
}

// petrCodes takes the bracketed codes off line and returns them with what
// is left.
func petrCodes(line string, agent bool) ([]datedCode, string, error) {
	var codes []datedCode
	for _, m := range petrCodeRe.FindAllStringSubmatchIndex(line, -1) {
		code := line[m[4]:m[5]]
		dc := datedCode{code: code}
		if span := strings.TrimSpace(line[m[6]:m[7]]); span != "" {
			var err error
			switch {
			case span[0] == '>':
				dc.from, err = petrDate(span[1:])
			case span[0] == '<':
				dc.until, err = petrDate(span[1:])
			default:
				a, b, _ := strings.Cut(span, "-")
				if dc.from, err = petrDate(a); err == nil {
					dc.until, err = petrDate(b)
				}
			}
			if err != nil {
				return nil, "", err
			}
		}
		codes = append(codes, dc)
	}
	rest := strings.TrimSpace(petrCodeRe.ReplaceAllString(line, ""))
	// Some entries carry a bare bracket such as [ELI] after a dated one.
	if i := strings.IndexByte(rest, '['); i >= 0 && !agent {
		rest = strings.TrimSpace(rest[:i])
	}
	return codes, rest, nil
}

// petrDate reads yymmdd (19yy from 50 on) or yyyymmdd; a malformed date
// is taken as unknown rather than failing the whole dictionary, as
// PETRARCH does.
func petrDate(s string) (domain.Date, error) {
	s = strings.TrimSpace(s)
	var y, m, d int
	switch len(s) {
	case 6:
		if _, err := fmt.Sscanf(s, "%2d%2d%2d", &y, &m, &d); err != nil {
			return domain.Date{}, nil
		}
		if y >= 50 {
			y += 1900
		} else {
			y += 2000
		}
	case 8:
		if _, err := fmt.Sscanf(s, "%4d%2d%2d", &y, &m, &d); err != nil {
			return domain.Date{}, nil
		}
	default:
		return domain.Date{}, nil
	}
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return domain.Date{}, nil
	}
	return domain.ParseDate(fmt.Sprintf("%04d-%02d-%02d", y, m, d))
}

// petrName turns ILHAM_ALIYEV_ into "ilham aliyev".
func petrName(s string) []string {
	s = strings.TrimSpace(s)
	s = strings.Trim(strings.ReplaceAll(s, "_", " "), " ")
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return nil
	}
	return []string{strings.ToLower(s)}
}

// addPetrarch indexes a PETRARCH entry. Agents attach a sector; an actor
// with one undated code is a fixed actor (a country, a group); one with
// dated codes is a person whose code depends on the date.
func (g *Gazetteer) addPetrarch(p petrEntry) {
	first := p.codes[0].code
	e := entry{ref: p.ref, admin1: -1, name: strings.ToUpper(p.names[0][:1]) + p.names[0][1:]}
	switch {
	case p.agent:
		e.kind = kAgent
		e.sector = first[:3]
	case len(p.codes) > 1 || !p.codes[0].from.IsZero() || !p.codes[0].until.IsZero():
		e.kind = kPerson
		e.person = text.Key(p.names[0])
		e.dated = p.codes
		e.code = first
		e.country, e.sector = domain.SplitCode(first)
	default:
		e.kind = kInstitution
		e.code = first
		e.country, e.sector = domain.SplitCode(first)
		if len(first) >= 3 && (first[:3] == "IGO" || first[:3] == "NGO") {
			e.kind = kOrg
		}
	}
	ix := int32(len(g.entries))
	g.entries = append(g.entries, e)
	if e.kind == kPerson {
		g.tenures[e.person] = append(g.tenures[e.person], ix)
	}
	for _, n := range p.names {
		ln := lexName{entry: ix}
		if !p.agent {
			ln.caps = 1 // a proper name: its first word capitalised
		}
		toks := text.Tokenize(n, 0, len(n), nil)
		if len(toks) == 0 {
			continue
		}
		norms := make([]string, len(toks))
		for i, t := range toks {
			norms[i] = t.Norm
		}
		g.indexNorms(norms, ln)
		if p.agent {
			if pl := pluralWord(norms[len(norms)-1]); pl != "" {
				norms[len(norms)-1] = pl
				ln.plural = true
				g.indexNorms(norms, ln)
			}
		}
	}
}
