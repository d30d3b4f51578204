package coder

import (
	"strconv"
	"strings"
	"time"

	"github.com/truce/truce/internal/codebook"
	"github.com/truce/truce/internal/domain"
	"github.com/truce/truce/internal/text"
)

// categoryOf says what a promised action is about, from its CAMEO code
// before composition (0873 demobilise is disarmament; 0871 a ceasefire)
// and after it (0333 intent to provide humanitarian aid).
func categoryOf(action, code string) string {
	for _, c := range []string{action, code} {
		switch {
		case strings.HasPrefix(c, "0873"), strings.HasPrefix(c, "1054") && false:
			return domain.CategoryDisarmament
		case strings.HasPrefix(c, "0874"):
			return domain.CategoryWithdrawal
		case strings.HasPrefix(c, "0871"), strings.HasPrefix(c, "0872"), c == "087", strings.HasPrefix(c, "0356"), strings.HasPrefix(c, "1056"):
			return domain.CategoryCeasefire
		case strings.HasPrefix(c, "07"), strings.HasPrefix(c, "033"), strings.HasPrefix(c, "103"), strings.HasPrefix(c, "0863"):
			return domain.CategoryAid
		case strings.HasPrefix(c, "084"), strings.HasPrefix(c, "0353"), strings.HasPrefix(c, "1053"):
			return domain.CategoryRelease
		case strings.HasPrefix(c, "0833"), strings.HasPrefix(c, "0343"), strings.HasPrefix(c, "1043"):
			return domain.CategoryRights
		case strings.HasPrefix(c, "04"), strings.HasPrefix(c, "036"), strings.HasPrefix(c, "106"):
			return domain.CategoryTalks
		}
	}
	return domain.CategoryOther
}

// isCommitment reports whether a draft is a promise or a conditional
// position: a verb of promise governs it, its words make it intended, or
// it is conditional.
func isCommitment(dr *draft) bool {
	switch dr.modality {
	case domain.ModalityIntended:
		return true
	case domain.ModalityConditional:
		return true
	}
	return false
}

// commitments records the promises and conditional positions of the
// article, one per actor and category (a condition repeated later joins
// the first).
func (c *Coder) commitments(d *Doc) {
	seen := map[string]int{}
	for _, dr := range d.drafts {
		if dr.drop || dr.event == nil || !isCommitment(dr) || len(dr.source) == 0 {
			continue
		}
		cat := categoryOf(dr.match.Code, dr.code)
		if w := categoryWord(d.tokens(dr.sent), dr.trigger); w != "" {
			cat = w
		}
		for _, si := range dr.source {
			actor := actorOf(&d.Mentions[si])
			key := string(actor.Code) + "|" + cat
			if cat == domain.CategoryOther {
				key += "|" + dr.code
			}
			cond := c.condition(d, dr)
			if k, ok := seen[key]; ok {
				if d.Commitments[k].Condition == "" && cond != "" {
					d.Commitments[k].Condition = domain.NullString(cond)
					d.Commitments[k].Status = domain.StatusConditional
				}
				continue
			}
			cm := c.commitment(d, dr, actor, cat, cond)
			seen[key] = len(d.Commitments)
			d.Commitments = append(d.Commitments, cm)
		}
	}
}

func (c *Coder) commitment(d *Doc, dr *draft, actor domain.Actor, cat, cond string) domain.Commitment {
	toks := d.tokens(dr.sent)
	sen := d.Text.Sentences[dr.sent]
	action, actionSpan := actionText(d.Text.Text, toks, dr)
	cm := domain.Commitment{
		ID:            recordID("k", d.Article.ID, dr.sent, dr.match.Head, string(actor.Code), cat),
		ArticleID:     d.Article.ID,
		Date:          d.Date,
		Sentence:      d.Text.SentenceText(dr.sent),
		SentenceIndex: dr.sent,
		Span:          domain.Span{Start: sen.Start, End: sen.End},
		Actor:         actor,
		Category:      cat,
		Action:        action,
		ActionSpan:    actionSpan,
		Condition:     domain.NullString(cond),
		Status:        domain.StatusPending,
		EventID:       domain.NullString(dr.event.ID),
		Place:         dr.event.Place,
		Rule:          dr.event.Rule,
		CoderVersion:  c.version,
	}
	if cond != "" {
		cm.Status = domain.StatusConditional
	}
	if len(dr.target) > 0 {
		b := actorOf(&d.Mentions[dr.target[0]])
		cm.Beneficiary = &b
	} else if b := placeBeneficiary(d, dr); b != nil {
		cm.Beneficiary = b
	}
	if due, ok := findDue(toks, d.Date); ok {
		cm.Due = due
	}
	return cm
}

// condition returns what a conditional commitment depends on. For "X
// calls for security guarantees before considering the surrender of its
// weapons" the condition is what X calls for; for "only if …" or "unless
// …" it is the clause that follows.
func (c *Coder) condition(d *Doc, dr *draft) string {
	if dr.cond == "" {
		return ""
	}
	low := strings.ToLower(dr.cond)
	if strings.HasPrefix(low, "before") || strings.HasPrefix(low, "until") {
		for _, o := range d.drafts {
			if o.sent == dr.sent && o != dr && o.event != nil && o.event.Issue != "" &&
				(o.govClass == classDemand || codebook.Root(o.code) == "10") {
				return string(o.event.Issue)
			}
		}
	}
	return dr.cond
}

// actionText returns the promised action: from the action's verb (or
// noun) through its object, stopping before a preposition that starts a
// new phrase ("provide fuel and humanitarian aid" of "agreed to provide
// fuel and humanitarian aid to the region").
func actionText(s string, toks []text.Token, dr *draft) (string, domain.Span) {
	a := dr.match.Start
	end := dr.match.End
	// "agreed to provide …", "expressed his intention to grant …": the
	// action starts after the "to" that follows the promise.
	for k := a; k+1 < end; k++ {
		if toks[k].Norm == "to" && toks[k+1].Shape == text.Lower && !determiners[toks[k+1].Norm] {
			a = k + 1
			break
		}
	}
	for end < len(toks) {
		w := toks[end].Norm
		if toks[end].Kind == text.Punct || w == "to" || w == "in" || w == "within" || w == "by" || w == "before" ||
			w == "after" || w == "if" || w == "unless" || w == "once" || w == "during" || w == "until" || w == "from" ||
			w == "on" || w == "at" || w == "for" && end > dr.match.End {
			break
		}
		end++
	}
	if end <= a {
		return "", domain.Span{}
	}
	return s[toks[a].Start:toks[end-1].End], domain.Span{Start: toks[a].Start, End: toks[end-1].End}
}

// placeBeneficiary returns the population of the place an action is
// directed to ("aid to the region"): the focus place's people.
func placeBeneficiary(d *Doc, dr *draft) *domain.Actor {
	toks := d.tokens(dr.sent)
	for k := dr.match.End; k < len(toks)-1 && k < dr.match.End+8; k++ {
		if toks[k].Norm != "to" {
			continue
		}
		var p *domain.Place
		var words string
		for _, i := range d.Sentence[dr.sent] {
			m := &d.Mentions[i]
			if m.Tok > k && m.Tok <= k+3 {
				p = m.Place()
				words = m.Text
				break
			}
		}
		if p == nil && (toks[k+1].Norm == "the") && k+2 < len(toks) && (toks[k+2].Norm == "region" || toks[k+2].Norm == "area" || toks[k+2].Norm == "enclave") {
			p = d.Focus
			words = d.Text.Text[toks[k+1].Start:toks[k+2].End]
		}
		if p == nil || p.Country == "" {
			return nil
		}
		return &domain.Actor{Text: words, Code: p.Country + "CVL", Country: p.Country, Sector: domain.SectorCivilians,
			Name: domain.NullString("population of " + p.Name)}
	}
	return nil
}

// findDue finds a deadline: "within 72 hours", "within a week", "by
// Friday", "by 1 January [2024]", "by January 1", "by the end of the
// month/year".
func findDue(toks []text.Token, article domain.Date) (domain.Date, bool) {
	if article.IsZero() {
		return domain.Date{}, false
	}
	for k := 0; k+1 < len(toks); k++ {
		switch toks[k].Norm {
		case "within", "in":
			n := 1
			j := k + 1
			if v, ok := readPlain(toks, j); ok && !v.vague {
				n, j = v.value, v.end
			} else if toks[j].Norm == "a" || toks[j].Norm == "one" {
				j++
			} else if toks[k].Norm == "within" && (toks[j].Norm == "the" || toks[j].Norm == "next") {
				j++
				if j < len(toks) && toks[j].Norm == "next" {
					j++
				}
				if v, ok := readPlain(toks, j); ok && !v.vague {
					n, j = v.value, v.end
				}
			} else {
				continue
			}
			if j >= len(toks) {
				continue
			}
			if toks[k].Norm == "in" && toks[j].Norm != "days" && toks[j].Norm != "weeks" {
				continue
			}
			switch strings.TrimSuffix(toks[j].Norm, "s") {
			case "hour":
				return article.AddDays((n + 23) / 24), true
			case "day":
				return article.AddDays(n), true
			case "week":
				return article.AddDays(7 * n), true
			case "month":
				return domain.DateOf(article.Time().AddDate(0, n, 0)), true
			}
		case "by":
			j := k + 1
			if wd, ok := weekdays[toks[j].Norm]; ok {
				return weekdayAfter(article.AddDays(1), wd), true
			}
			if toks[j].Norm == "the" && j+3 < len(toks) && toks[j+1].Norm == "end" && toks[j+2].Norm == "of" {
				t := article.Time()
				switch toks[j+3].Norm {
				case "week":
					return weekdayAfter(article, time.Sunday), true
				case "month":
					return domain.DateOf(time.Date(t.Year(), t.Month()+1, 0, 0, 0, 0, 0, time.UTC)), true
				case "year":
					return domain.Date{Year: t.Year(), Month: 12, Day: 31}, true
				}
			}
			if w, ok := whenAt("", toks, j, article, true); ok && w.Start == j {
				return w.Date, true
			}
			if toks[j].Kind == text.Number {
				if day, err := strconv.Atoi(toks[j].Norm); err == nil && j+1 < len(toks) {
					if m, ok := months[toks[j+1].Norm]; ok {
						y, _ := yearAt(toks, j+2)
						return dayOf(article, y, m, day, true), true
					}
				}
			}
		}
	}
	return domain.Date{}, false
}

// categoryWords name what a promise is about more precisely than its code:
// "agreed to withdraw their forces" is a withdrawal, though CAMEO codes it
// as intent to de-escalate.
var categoryWords = map[string]string{
	"withdraw": domain.CategoryWithdrawal, "withdrawal": domain.CategoryWithdrawal, "pull": domain.CategoryWithdrawal,
	"pullout": domain.CategoryWithdrawal, "retreat": domain.CategoryWithdrawal, "leave": domain.CategoryWithdrawal,
	"disarm": domain.CategoryDisarmament, "disarmament": domain.CategoryDisarmament, "demobilize": domain.CategoryDisarmament,
	"demobilise": domain.CategoryDisarmament, "weapons": domain.CategoryDisarmament, "arms": domain.CategoryDisarmament,
	"disband": domain.CategoryDisarmament, "surrender": domain.CategoryDisarmament,
	"ceasefire": domain.CategoryCeasefire, "truce": domain.CategoryCeasefire, "cease": domain.CategoryCeasefire,
	"release": domain.CategoryRelease, "free": domain.CategoryRelease, "prisoners": domain.CategoryRelease,
	"hostages": domain.CategoryRelease, "detainees": domain.CategoryRelease, "exchange": domain.CategoryRelease,
	"aid": domain.CategoryAid, "fuel": domain.CategoryAid, "food": domain.CategoryAid, "humanitarian": domain.CategoryAid,
	"rights": domain.CategoryRights, "talks": domain.CategoryTalks, "negotiations": domain.CategoryTalks,
}

// categoryWord returns the category the trigger's words name, or "".
func categoryWord(toks []text.Token, trigger []int) string {
	for _, t := range trigger {
		w := toks[t].Norm
		for _, form := range []string{w, strings.TrimSuffix(w, "s"), strings.TrimSuffix(w, "ing"), strings.TrimSuffix(w, "n")} {
			if c, ok := categoryWords[form]; ok {
				return c
			}
		}
	}
	return ""
}
