package coder

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/truce/truce/internal/domain"
)

// The coding corpus: testdata/cases/*.case, one case a file, text in and
// the records it must (and must not) give out. Every coding bug fixed adds
// a case. The format:
//
//	# what the case covers
//	date: 2023-11-07
//	text:
//	Thousands of Armenians protested in Yerevan.
//	expect:
//	event cameo=14* source=ARMCVL place=Yerevan modality=asserted
//	no event cameo=19*
//	claim topic=ceasefire polarity=in_force speaker=AZE
//	commitment category=aid status=pending actor=AZE due=null
//	mention text=Yerevan geonameid=616052
//	events=2
//
// A value ending in * is a prefix; quoted values may hold spaces.

var (
	testCoderOnce sync.Once
	testCoder     *Coder
	testCoderErr  error
)

func sharedCoder(t testing.TB) *Coder {
	testCoderOnce.Do(func() { testCoder, testCoderErr = New(Options{}) })
	if testCoderErr != nil {
		t.Fatal(testCoderErr)
	}
	return testCoder
}

type codingCase struct {
	date   domain.Date
	text   string
	expect []string // lines
}

func readCase(path string) (codingCase, error) {
	f, err := os.Open(path)
	if err != nil {
		return codingCase{}, err
	}
	defer f.Close()
	var c codingCase
	var textLines []string
	section := ""
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		trimmed := strings.TrimSpace(line)
		switch {
		case section != "text" && (trimmed == "" || strings.HasPrefix(trimmed, "#")):
			continue
		case strings.HasPrefix(trimmed, "date:") && section == "":
			d, err := domain.ParseDate(strings.TrimSpace(strings.TrimPrefix(trimmed, "date:")))
			if err != nil {
				return c, fmt.Errorf("%s:%d: %v", path, n, err)
			}
			c.date = d
		case trimmed == "text:":
			section = "text"
		case trimmed == "expect:":
			section = "expect"
		case section == "text":
			textLines = append(textLines, line)
		case section == "expect":
			c.expect = append(c.expect, trimmed)
		default:
			return c, fmt.Errorf("%s:%d: unexpected line %q", path, n, line)
		}
	}
	c.text = strings.TrimSpace(strings.Join(textLines, "\n"))
	return c, sc.Err()
}

// fields splits "k=v k2=\"a b\"" into a map.
func fields(s string) (map[string]string, error) {
	out := map[string]string{}
	for s = strings.TrimSpace(s); s != ""; s = strings.TrimSpace(s) {
		k, rest, ok := strings.Cut(s, "=")
		if !ok {
			return nil, fmt.Errorf("want key=value in %q", s)
		}
		var v string
		if strings.HasPrefix(rest, `"`) {
			end := strings.Index(rest[1:], `"`)
			if end < 0 {
				return nil, fmt.Errorf("unterminated quote in %q", s)
			}
			v, s = rest[1:1+end], rest[2+end:]
		} else {
			v, s, _ = strings.Cut(rest, " ")
		}
		out[k] = v
	}
	return out, nil
}

func like(got, want string) bool {
	if p, ok := strings.CutSuffix(want, "*"); ok {
		return strings.HasPrefix(got, p)
	}
	return got == want
}

func anyActor(as []domain.Actor, want string) bool {
	for _, a := range as {
		if like(string(a.Code), want) {
			return true
		}
	}
	return want == "-" && len(as) == 0
}

func placeName(p *domain.Place) string {
	if p == nil {
		return "-"
	}
	return p.Name
}

func eventHas(e *domain.Event, k, v string) bool {
	switch k {
	case "cameo":
		return like(e.CAMEO, v)
	case "plover":
		return like(e.PLOVER.Type, v)
	case "mode":
		return like(string(e.PLOVER.Mode), v)
	case "source":
		return anyActor(e.Source, v)
	case "target":
		return anyActor(e.Target, v)
	case "modality":
		return e.Modality == v
	case "place":
		return like(placeName(e.Place), v) || e.Place != nil && like(e.Place.Text, v)
	case "trigger":
		return strings.Contains(e.Trigger, v)
	case "fatalities":
		return v == strconv.Itoa(deref(e.Fatalities.Best)) || v == "null" && e.Fatalities.Best == nil
	case "size":
		return like(string(e.Size), v)
	case "date":
		return e.Date.String() == v
	case "precision":
		return string(e.DatePrecision) == v || v == "-" && e.DatePrecision == ""
	case "attributed":
		if e.AttributedTo == nil {
			return v == "-"
		}
		return like(string(e.AttributedTo.Code), v) || like(e.AttributedTo.Text, v)
	case "acled":
		if e.ACLED == nil {
			return v == "-"
		}
		return like(e.ACLED.SubEventType, v)
	case "sentence":
		return v == strconv.Itoa(e.SentenceIndex)
	case "person":
		for _, a := range append(append([]domain.Actor(nil), e.Source...), e.Target...) {
			if like(string(a.Person), v) {
				return true
			}
		}
		return false
	}
	return false
}

func deref(p *int) int {
	if p == nil {
		return -1
	}
	return *p
}

func claimHas(c *domain.Claim, k, v string) bool {
	switch k {
	case "topic":
		return c.Topic == v
	case "polarity":
		return c.Polarity == v
	case "speaker":
		return like(string(c.Speaker.Code), v) || like(c.Speaker.Text, v) || (v == "unnamed" && c.Speaker.Name == "unnamed")
	case "verb":
		return strings.Contains(c.Verb, v)
	case "place":
		return like(placeName(c.Place), v) || c.Place != nil && like(c.Place.Text, v)
	case "count":
		return c.Count != nil && strconv.Itoa(*c.Count) == v
	case "sentence":
		return v == strconv.Itoa(c.SentenceIndex)
	}
	return false
}

func commitmentHas(c *domain.Commitment, k, v string) bool {
	switch k {
	case "category":
		return c.Category == v
	case "status":
		return c.Status == v
	case "actor":
		return like(string(c.Actor.Code), v)
	case "action":
		return strings.Contains(c.Action, v)
	case "condition":
		return strings.Contains(string(c.Condition), v) || (v == "-" && c.Condition == "")
	case "due":
		return c.Due.String() == v || v == "null" && c.Due.IsZero()
	case "beneficiary":
		return c.Beneficiary != nil && like(string(c.Beneficiary.Code), v)
	}
	return false
}

func mentionHas(m *domain.Mention, k, v string) bool {
	switch k {
	case "text":
		return m.Text == v
	case "code":
		return like(string(m.Code), v)
	case "type":
		return m.Type == v
	case "geonameid":
		return strconv.Itoa(int(m.GeonameID)) == v
	case "country":
		return string(m.Country) == v
	case "ref":
		return string(m.Ref) == v
	}
	return false
}

func check[T any](items []T, kv map[string]string, has func(*T, string, string) bool) int {
	n := 0
	for i := range items {
		ok := true
		for k, v := range kv {
			if !has(&items[i], k, v) {
				ok = false
				break
			}
		}
		if ok {
			n++
		}
	}
	return n
}

func TestCases(t *testing.T) {
	files, err := filepath.Glob("testdata/cases/*.case")
	if err != nil || len(files) == 0 {
		t.Fatalf("no cases in testdata/cases: %v", err)
	}
	c := sharedCoder(t)
	for _, f := range files {
		t.Run(strings.TrimSuffix(filepath.Base(f), ".case"), func(t *testing.T) {
			cs, err := readCase(f)
			if err != nil {
				t.Fatal(err)
			}
			a := &domain.Article{ID: "case", Text: cs.text, Published: cs.date.Time()}
			cod, err := c.Code(context.Background(), a)
			if err != nil {
				t.Fatal(err)
			}
			for _, line := range cs.expect {
				negate := false
				if rest, ok := strings.CutPrefix(line, "no "); ok {
					negate, line = true, rest
				}
				kind, rest, _ := strings.Cut(line, " ")
				if n, ok := strings.CutPrefix(kind, "events="); ok {
					if strconv.Itoa(len(cod.Events)) != n {
						t.Errorf("%d events, want %s", len(cod.Events), n)
						logRecords(t, cod)
					}
					continue
				}
				kv, err := fields(rest)
				if err != nil {
					t.Fatalf("%s: %v", f, err)
				}
				var got int
				switch kind {
				case "event":
					got = check(cod.Events, kv, eventHas)
				case "claim":
					got = check(cod.Claims, kv, claimHas)
				case "commitment":
					got = check(cod.Commitments, kv, commitmentHas)
				case "mention":
					got = check(cod.Mentions, kv, mentionHas)
				default:
					t.Fatalf("%s: unknown record kind %q", f, kind)
				}
				if negate && got > 0 {
					t.Errorf("got a %s with %s, want none", kind, rest)
					logRecords(t, cod)
				}
				if !negate && got == 0 {
					t.Errorf("no %s with %s", kind, rest)
					logRecords(t, cod)
				}
			}
		})
	}
}

func logRecords(t *testing.T, cod domain.Coding) {
	t.Helper()
	for _, e := range cod.Events {
		t.Logf("  event %s %s %s→%s %s place=%s trigger=%q rule=%s", e.CAMEO, e.PLOVER.Type, actorCodes(e.Source), actorCodes(e.Target), e.Modality, placeName(e.Place), e.Trigger, e.Rule)
	}
	for _, c := range cod.Claims {
		t.Logf("  claim %s %s by %s (%s) %q", c.Topic, c.Polarity, c.Speaker.Code, c.Speaker.Text, c.Proposition)
	}
	for _, c := range cod.Commitments {
		t.Logf("  commitment %s %s by %s %q cond=%q", c.Category, c.Status, c.Actor.Code, c.Action, c.Condition)
	}
}

func actorCodes(as []domain.Actor) string {
	var b strings.Builder
	for _, a := range as {
		b.WriteString(string(a.Code) + "(" + a.Text + ") ")
	}
	return b.String()
}
