package storetest

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/truce/truce/internal/domain"
	"github.com/truce/truce/internal/store"
)

// act returns a coded actor.
func act(code string) domain.Actor {
	country, sector := domain.SplitCode(code)
	return domain.Actor{
		Text: "the " + code, Code: domain.NullString(code),
		Country: domain.NullString(country), Sector: domain.NullString(sector),
	}
}

func actors(codes ...string) []domain.Actor {
	out := []domain.Actor{}
	for _, c := range codes {
		out = append(out, act(c))
	}
	return out
}

// Places of the fixtures.
var (
	stepanakert = &domain.Place{Text: "Stepanakert", Name: "Stepanakert", GeonameID: 174875,
		Country: "AZE", Lat: 39.8265, Lon: 46.7656, Precision: domain.PrecisionCity}
	yerevan = &domain.Place{Text: "Yerevan", Name: "Yerevan", GeonameID: 616052,
		Country: "ARM", Admin1: "Yerevan", Lat: 40.1811, Lon: 44.5136, Precision: domain.PrecisionCity}
	karabakh = &domain.Place{Text: "Nagorno-Karabakh", Name: "Nagorno-Karabakh",
		Region: "nagorno-karabakh", Country: "AZE", Lat: 39.9, Lon: 46.7, Precision: domain.PrecisionRegion}
	lachin = &domain.Place{Text: "Lachin", Name: "Lachin", GeonameID: 147622,
		Country: "AZE", Lat: 39.6383, Lon: 46.5461, Precision: domain.PrecisionCity}
)

// ev returns an event.
func ev(id, article string, d domain.Date, cameo string, quad int, plover, modality string,
	src, tgt []domain.Actor, p *domain.Place, sentence string) domain.Event {
	return domain.Event{
		ID: id, ArticleID: article, Date: d, Sentence: sentence,
		Span: domain.Span{Start: 0, End: len(sentence)}, Trigger: "x",
		Source: src, Target: tgt, CAMEO: cameo, QuadClass: quad,
		PLOVER: domain.PLOVER{Type: plover}, Modality: modality, Place: p,
		Rule: "test", Confidence: 0.5, CoderVersion: "v1",
	}
}

func claim(id, article string, d domain.Date, speaker domain.Actor, topic, polarity string, p *domain.Place, sentence string) domain.Claim {
	return domain.Claim{
		ID: id, ArticleID: article, Date: d, Sentence: sentence, Speaker: speaker,
		Verb: "said", Topic: topic, Polarity: polarity, Proposition: sentence, Place: p,
		Rule: "test", CoderVersion: "v1",
	}
}

func commitment(id, article string, d domain.Date, actor domain.Actor, category, status, eventID, sentence string) domain.Commitment {
	return domain.Commitment{
		ID: id, ArticleID: article, Date: d, Sentence: sentence, Actor: actor,
		Category: category, Action: sentence, Status: status,
		EventID: domain.NullString(eventID), Rule: "test", CoderVersion: "v1",
	}
}

// seedRecords stores articles A and B and their codings: five events, four
// claims, three commitments and mentions.
func seedRecords(f *fixture) (a, b domain.Coding) {
	f.t.Helper()
	f.articles("A", "B")
	a = domain.Coding{
		ArticleID: "A", CoderVersion: "v1",
		Mentions: []domain.Mention{
			{ArticleID: "A", Text: "Stepanakert", Span: domain.Span{Start: 40, End: 51}, Type: domain.MentionPlace},
			{ArticleID: "A", Text: "Azerbaijani forces", Span: domain.Span{Start: 0, End: 18}, Type: domain.MentionActor, Code: "AZEMIL"},
		},
		Events: []domain.Event{
			ev("e1", "A", date(7), "190", 4, "ASSAULT", domain.ModalityAsserted,
				actors("AZEMIL"), actors("ARMCVL"), stepanakert, "Azerbaijani forces shelled Stepanakert on Tuesday."),
			ev("e2", "A", date(8), "112", 3, "ACCUSE", domain.ModalityReported,
				actors("ARMGOV"), actors("IGOUNO"), yerevan, "Armenia accused the UN of inaction."),
			ev("e3", "A", date(9), "043", 1, "CONSULT", domain.ModalityNegated,
				actors("RUSMIL"), nil, karabakh, "Russian peacekeepers did not intervene in Nagorno-Karabakh."),
		},
		Claims: []domain.Claim{
			claim("c1", "A", date(7), act("AZEGOV"), domain.TopicCeasefire, "in_force", karabakh,
				"Azerbaijan declared a ceasefire in Nagorno-Karabakh."),
			claim("c2", "A", date(8), act("ARMGOV"), domain.TopicFighting, "ongoing", stepanakert,
				"Armenia said fighting continued near Stepanakert."),
		},
		Commitments: []domain.Commitment{
			commitment("m1", "A", date(7), act("AZEGOV"), domain.CategoryAid, domain.StatusPending, "e1",
				"Azerbaijan pledged to provide fuel and humanitarian aid."),
			commitment("m2", "A", date(8), act("ARMGOV"), domain.CategoryDisarmament, domain.StatusConditional, "",
				"Armenia would disarm only after security guarantees."),
		},
	}
	unnamed := domain.Actor{Text: "witnesses", Name: "unnamed"}
	b = domain.Coding{
		ArticleID: "B", CoderVersion: "v1",
		Events: []domain.Event{
			ev("e4", "B", domain.Date{}, "141", 3, "PROTEST", domain.ModalityAsserted,
				actors("ARMCVL"), actors("ARMGOV"), yerevan, "Thousands of Armenians protested in Yerevan."),
			ev("e5", "B", date(10), "057", 1, "AGREE", domain.ModalityIntended,
				actors("AZEGOV"), actors("ARMGOV"), nil, "Azerbaijan promised a ceasefire and a peace treaty with Armenia."),
		},
		Claims: []domain.Claim{
			claim("c3", "B", date(9), unnamed, domain.TopicCeasefire, "violated", nil,
				"Witnesses reported gunfire despite the ceasefire."),
			claim("c4", "B", domain.Date{}, act("IGOUNO"), domain.TopicAidAccess, "blocked", lachin,
				"The UN said aid convoys were blocked at Lachin."),
		},
		Commitments: []domain.Commitment{
			commitment("m3", "B", date(9), act("AZEGOV"), domain.CategoryCeasefire, domain.StatusViolated, "e4",
				"Azerbaijan promised to respect the ceasefire."),
		},
	}
	f.save(a, b)
	return a, b
}

var codingTests = []test{
	{"Replace", func(t *testing.T, f *fixture) {
		a, b := seedRecords(f)
		recoded := domain.Coding{
			ArticleID: "A", CoderVersion: "v2",
			Mentions: []domain.Mention{{ArticleID: "A", Text: "Yerevan", Span: domain.Span{Start: 5, End: 12}, Type: domain.MentionPlace}},
			Events: []domain.Event{ev("e6", "A", date(7), "190", 4, "ASSAULT", domain.ModalityAsserted,
				actors("AZEMIL"), nil, nil, "Shelling was reported.")},
			Claims:      []domain.Claim{claim("c5", "A", date(7), act("ARMGOV"), domain.TopicFighting, "ongoing", nil, "Fighting went on.")},
			Commitments: []domain.Commitment{},
		}
		f.save(recoded)

		for _, id := range []string{"e1", "e2", "e3"} {
			_, err := f.s.Event(f.ctx, id)
			wantCode(t, err, domain.ENOTFOUND)
		}
		checkIDs := func(name string, got []string, err error, want ...string) {
			t.Helper()
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if diff := cmp.Diff(want, got, equateEmpty); diff != "" {
				t.Errorf("%s (-want +got):\n%s", name, diff)
			}
		}
		es, _, err := f.s.Events(f.ctx, store.EventFilter{ArticleID: "A"})
		checkIDs("events of A", eventIDs(es), err, "e6")
		cs, _, err := f.s.Claims(f.ctx, store.ClaimFilter{ArticleID: "A"})
		checkIDs("claims of A", claimIDs(cs), err, "c5")
		ms, _, err := f.s.Commitments(f.ctx, store.CommitmentFilter{ArticleID: "A"})
		checkIDs("commitments of A", commitmentIDs(ms), err)
		mentions, err := f.s.Mentions(f.ctx, "A")
		if err != nil {
			t.Fatalf("Mentions: %v", err)
		}
		if diff := cmp.Diff(recoded.Mentions, mentions); diff != "" {
			t.Errorf("mentions of A (-want +got):\n%s", diff)
		}

		// B's records are untouched.
		es, _, err = f.s.Events(f.ctx, store.EventFilter{ArticleID: "B"})
		if err != nil {
			t.Fatalf("Events: %v", err)
		}
		if diff := cmp.Diff(b.Events, reverse(es), equateEmpty); diff != "" {
			t.Errorf("events of B (-want +got):\n%s", diff)
		}
		cs, _, err = f.s.Claims(f.ctx, store.ClaimFilter{ArticleID: "B"})
		checkIDs("claims of B", claimIDs(cs), err, "c3", "c4")
		ms, _, err = f.s.Commitments(f.ctx, store.CommitmentFilter{ArticleID: "B"})
		checkIDs("commitments of B", commitmentIDs(ms), err, "m3")

		art, err := f.s.Article(f.ctx, "A")
		if err != nil {
			t.Fatalf("Article: %v", err)
		}
		if art.CoderVersion != "v2" {
			t.Errorf("got coder version %q, want v2", art.CoderVersion)
		}
		if art, _ := f.s.Article(f.ctx, "B"); art.CoderVersion != "v1" {
			t.Errorf("got coder version %q of B, want v1", art.CoderVersion)
		}
		_ = a
	}},
	{"SameCallTwice", func(t *testing.T, f *fixture) {
		// The later coding of an article in one call wins.
		f.articles("A")
		first := domain.Coding{ArticleID: "A", CoderVersion: "v1",
			Events: []domain.Event{ev("e1", "A", date(1), "190", 4, "ASSAULT", "", nil, nil, nil, "One.")}}
		second := domain.Coding{ArticleID: "A", CoderVersion: "v2",
			Events: []domain.Event{ev("e1", "A", date(1), "190", 4, "ASSAULT", "", nil, nil, nil, "Two.")}}
		f.save(first, second)
		e, err := f.s.Event(f.ctx, "e1")
		if err != nil {
			t.Fatalf("Event: %v", err)
		}
		if e.Sentence != "Two." {
			t.Errorf("got sentence %q, want the second coding's", e.Sentence)
		}
	}},
	{"MissingArticle", func(t *testing.T, f *fixture) {
		err := f.s.SaveCodings(f.ctx, []domain.Coding{{ArticleID: "missing", CoderVersion: "v1"}})
		wantCode(t, err, domain.ENOTFOUND)
	}},
	{"RoundTrip", func(t *testing.T, f *fixture) {
		f.articles("A")
		c := fullCoding()
		f.save(c)
		check := func(name string, want, got any) {
			t.Helper()
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("%s (-saved +read):\n%s", name, diff)
			}
			wj, _ := json.Marshal(want)
			gj, _ := json.Marshal(got)
			if string(wj) != string(gj) {
				t.Errorf("%s JSON:\ngot  %s\nwant %s", name, gj, wj)
			}
		}
		e, err := f.s.Event(f.ctx, c.Events[0].ID)
		if err != nil {
			t.Fatalf("Event: %v", err)
		}
		check("event", c.Events[0], *e)
		es, _, err := f.s.Events(f.ctx, store.EventFilter{})
		if err != nil {
			t.Fatalf("Events: %v", err)
		}
		check("events", c.Events, es)
		cs, _, err := f.s.Claims(f.ctx, store.ClaimFilter{})
		if err != nil {
			t.Fatalf("Claims: %v", err)
		}
		check("claims", c.Claims, cs)
		ms, _, err := f.s.Commitments(f.ctx, store.CommitmentFilter{})
		if err != nil {
			t.Fatalf("Commitments: %v", err)
		}
		check("commitments", c.Commitments, ms)
		mentions, err := f.s.Mentions(f.ctx, "A")
		if err != nil {
			t.Fatalf("Mentions: %v", err)
		}
		check("mentions", c.Mentions, mentions)
		x := fullContradiction()
		if err := f.s.SaveContradictions(f.ctx, []domain.Contradiction{x}); err != nil {
			t.Fatalf("SaveContradictions: %v", err)
		}
		xs, _, err := f.s.Contradictions(f.ctx, store.ContradictionFilter{})
		if err != nil {
			t.Fatalf("Contradictions: %v", err)
		}
		check("contradictions", []domain.Contradiction{x}, xs)
	}},
	{"Mentions", func(t *testing.T, f *fixture) {
		f.articles("A", "B", "C")
		f.save(domain.Coding{ArticleID: "A", CoderVersion: "v1", Mentions: []domain.Mention{
			{ArticleID: "A", Text: "third", Span: domain.Span{Start: 30, End: 35}, Type: domain.MentionActor},
			{ArticleID: "A", Text: "first", Span: domain.Span{Start: 0, End: 5}, Type: domain.MentionActor},
			{ArticleID: "A", Text: "second", Span: domain.Span{Start: 10, End: 16}, Type: domain.MentionPlace},
		}}, domain.Coding{ArticleID: "B", CoderVersion: "v1", Mentions: []domain.Mention{
			{ArticleID: "B", Text: "other", Span: domain.Span{Start: 0, End: 5}, Type: domain.MentionActor},
		}})
		got, err := f.s.Mentions(f.ctx, "A")
		if err != nil {
			t.Fatalf("Mentions: %v", err)
		}
		var texts []string
		for _, m := range got {
			texts = append(texts, m.Text)
		}
		if diff := cmp.Diff([]string{"first", "second", "third"}, texts); diff != "" {
			t.Errorf("mentions in text order (-want +got):\n%s", diff)
		}
		got, err = f.s.Mentions(f.ctx, "C")
		if err != nil || len(got) != 0 {
			t.Errorf("got %v, %v for an article without mentions, want none", got, err)
		}
		_, err = f.s.Mentions(f.ctx, "missing")
		wantCode(t, err, domain.ENOTFOUND)
	}},
}

func reverse[T any](s []T) []T {
	out := make([]T, len(s))
	for i, v := range s {
		out[len(s)-1-i] = v
	}
	return out
}

// fullCoding has every field of every record set, so that a field the
// backend drops or changes shows.
func fullCoding() domain.Coding {
	speaker := domain.Actor{Text: "Azerbaijan's President Ilham Aliyev", Span: domain.Span{Start: 3, End: 38},
		Code: "AZEGOV", Country: "AZE", Sector: "GOV", Name: "Government of Azerbaijan",
		Person: "Ilham Aliyev", Role: "President", Entry: "people.txt:412"}
	target := domain.Actor{Text: "thousands of Armenians", Span: domain.Span{Start: 50, End: 72},
		Code: "ARMCVL", Country: "ARM", Sector: "CVL", Name: "Armenian civilians", Entry: "agents.txt:9"}
	place := &domain.Place{Text: "Khankendi", Span: domain.Span{Start: 80, End: 89}, Name: "Stepanakert",
		GeonameID: 174875, Region: "nagorno-karabakh", Country: "AZE", Admin1: "Xankandi",
		Lat: 39.8265, Lon: 46.7656, Precision: domain.PrecisionCity}
	lat, lon := 39.8265, 46.7656
	return domain.Coding{
		ArticleID: "A", CoderVersion: "v9",
		Mentions: []domain.Mention{
			{ArticleID: "A", Text: "Khankendi", Span: domain.Span{Start: 80, End: 89}, Type: domain.MentionPlace,
				Country: "AZE", Name: "Stepanakert", GeonameID: 174875, Region: "nagorno-karabakh",
				Admin1: "Xankandi", Lat: &lat, Lon: &lon, Precision: domain.PrecisionCity, Entry: "cities:1"},
			{ArticleID: "A", Text: "He", Span: domain.Span{Start: 100, End: 102}, Type: domain.MentionPerson,
				Code: "AZEGOV", Country: "AZE", Sector: "GOV", Name: "Ilham Aliyev", Role: "President",
				Ref: "Ilham Aliyev", Entry: "people.txt:412"},
		},
		Events: []domain.Event{{
			ID: "A-e0", ArticleID: "A", Date: date(7), DateText: "on Tuesday",
			Sentence: "Azerbaijani forces fired on thousands of Armenians in Khankendi on Tuesday.", SentenceIndex: 3,
			Span: domain.Span{Start: 120, End: 196}, Trigger: "fired on", TriggerSpan: domain.Span{Start: 139, End: 147},
			Source: []domain.Actor{speaker}, Target: []domain.Actor{target},
			CAMEO: "1823", QuadClass: 4, Goldstein: -9.5,
			PLOVER:   domain.PLOVER{Type: "ASSAULT", Mode: "firearms", Context: []string{"military", "political"}},
			ACLED:    &domain.ACLED{EventType: "Violence against civilians", SubEventType: "Attack"},
			Modality: domain.ModalityReported, Place: place,
			Fatalities: domain.Count{Best: domain.Int(5), Low: domain.Int(3), High: domain.Int(7)},
			Injured:    domain.Count{Best: domain.Int(12)},
			Arrested:   domain.Count{Low: domain.Int(1)},
			Size:       "thousands", SizeEstimate: domain.Int(2000),
			AttributedTo: &domain.Actor{Text: "Armenian officials", Code: "ARMGOV", Country: "ARM", Sector: "GOV"},
			Issue:        "security", Rule: "verbs.txt:1823", Confidence: 0.8125, CoderVersion: "v9",
		}},
		Claims: []domain.Claim{{
			ID: "A-c0", ArticleID: "A", Date: date(7),
			Sentence: "Aliyev declared that a ceasefire had been reached in Khankendi.", SentenceIndex: 4,
			Span: domain.Span{Start: 200, End: 262}, Speaker: speaker, Verb: "declared",
			VerbSpan: domain.Span{Start: 207, End: 215}, Topic: domain.TopicCeasefire, Polarity: "in_force",
			Proposition: "a ceasefire had been reached", PropositionSpan: domain.Span{Start: 221, End: 249},
			Place: place, About: date(6), Count: domain.Int(3), CountKind: "killed",
			Actors: []domain.Actor{target}, EventID: "A-e0", Rule: "claims.txt:7", CoderVersion: "v9",
		}},
		Commitments: []domain.Commitment{{
			ID: "A-m0", ArticleID: "A", Date: date(7),
			Sentence: "Baku pledged fuel and aid within 72 hours if roads reopen.", SentenceIndex: 5,
			Span: domain.Span{Start: 270, End: 327}, Actor: speaker, Beneficiary: &target,
			Category: domain.CategoryAid, Action: "provide fuel and aid", ActionSpan: domain.Span{Start: 283, End: 296},
			Condition: "if roads reopen", Due: date(10), Status: domain.StatusConditional,
			Evidence: []domain.Evidence{{Record: "A-e0", ArticleID: "A", Date: date(8),
				Status: domain.StatusViolated, Note: "fighting reported"}},
			EventID: "A-e0", Rule: "pledges.txt:3", CoderVersion: "v9",
		}},
	}
}

func fullContradiction() domain.Contradiction {
	return domain.Contradiction{
		ID: "x-full", Topic: domain.TopicCeasefire, Place: karabakh, Date: date(8),
		Claims: []string{"A-c0", "A-e0"}, Articles: []string{"A"}, Reason: "polarity",
		Explanation: "ceasefire claimed in force by AZE vs fighting reported ongoing",
	}
}

// filterCase is one filter of a listing with the ids it must return, in
// order.
type filterCase[F any] struct {
	name string
	f    F
	want []string
}

// runFilters checks each filter's listing.
func runFilters[F, T any](t *testing.T, cases []filterCase[F], list func(F) ([]T, store.Cursor, error), ids func([]T) []string) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, _, err := list(tc.f)
			if err != nil {
				t.Fatalf("got error %v", err)
			}
			if diff := cmp.Diff(tc.want, ids(got)); diff != "" {
				t.Errorf("ids (-want +got):\n%s", diff)
			}
		})
	}
}

var eventTests = []test{
	{"NotFound", func(t *testing.T, f *fixture) {
		_, err := f.s.Event(f.ctx, "missing")
		wantCode(t, err, domain.ENOTFOUND)
	}},
	{"Filters", func(t *testing.T, f *fixture) {
		seedRecords(f)
		runFilters(t, []filterCase[store.EventFilter]{
			{"all", store.EventFilter{}, []string{"e5", "e3", "e2", "e1", "e4"}},
			{"since", store.EventFilter{Since: date(8)}, []string{"e5", "e3", "e2"}},
			{"until", store.EventFilter{Until: date(8)}, []string{"e2", "e1"}},
			{"one day", store.EventFilter{Since: date(8), Until: date(8)}, []string{"e2"}},
			{"actor country", store.EventFilter{Actor: "AZE"}, []string{"e5", "e1"}},
			{"actor code", store.EventFilter{Actor: "AZEMIL"}, []string{"e1"}},
			{"actor as target", store.EventFilter{Actor: "ARMGOV"}, []string{"e5", "e2", "e4"}},
			{"actor igo", store.EventFilter{Actor: "IGO"}, []string{"e2"}},
			{"actor none", store.EventFilter{Actor: "USA"}, []string{}},
			{"country ARM", store.EventFilter{Country: "ARM"}, []string{"e5", "e2", "e1", "e4"}},
			{"country AZE", store.EventFilter{Country: "AZE"}, []string{"e5", "e3", "e1"}},
			{"country of a source", store.EventFilter{Country: "RUS"}, []string{"e3"}},
			{"plover", store.EventFilter{Type: "PROTEST"}, []string{"e4"}},
			{"cameo root", store.EventFilter{Type: "14"}, []string{"e4"}},
			{"cameo code", store.EventFilter{Type: "141"}, []string{"e4"}},
			{"cameo prefix", store.EventFilter{Type: "1"}, []string{"e2", "e1", "e4"}},
			{"place name", store.EventFilter{Place: "yerevan"}, []string{"e2", "e4"}},
			{"place geonameid", store.EventFilter{Place: "616052"}, []string{"e2", "e4"}},
			{"place region", store.EventFilter{Place: "nagorno-karabakh"}, []string{"e3"}},
			{"place name case", store.EventFilter{Place: "STEPANAKERT"}, []string{"e1"}},
			{"modality", store.EventFilter{Modality: domain.ModalityNegated}, []string{"e3"}},
			{"quad class", store.EventFilter{QuadClass: 3}, []string{"e2", "e4"}},
			{"article", store.EventFilter{ArticleID: "B"}, []string{"e5", "e4"}},
			{"word", store.EventFilter{Q: "protested"}, []string{"e4"}},
			{"words any case", store.EventFilter{Q: "PEACEKEEPERS intervene"}, []string{"e3"}},
			{"whole words", store.EventFilter{Q: "fire"}, []string{}},
			{"country and since", store.EventFilter{Country: "ARM", Since: date(8)}, []string{"e5", "e2"}},
			{"country and type", store.EventFilter{Country: "ARM", Type: "PROTEST"}, []string{"e4"}},
			{"country and actor", store.EventFilter{Country: "AZE", Actor: "ARM"}, []string{"e5", "e1"}},
		}, func(ef store.EventFilter) ([]domain.Event, store.Cursor, error) {
			return f.s.Events(f.ctx, ef)
		}, eventIDs)
	}},
	{"Pagination", func(t *testing.T, f *fixture) {
		f.articles("P")
		var es []domain.Event
		for i := range 31 {
			d := date(1 + i%4) // many events a day
			if i%9 == 0 {
				d = domain.Date{}
			}
			country := []string{"ARMGOV", "AZEGOV"}[i%2]
			es = append(es, ev(fmt.Sprintf("p%02d", i), "P", d, "190", 4, "ASSAULT", "",
				actors(country), nil, nil, "Event."))
		}
		f.save(domain.Coding{ArticleID: "P", CoderVersion: "v1", Events: es})
		for _, tc := range []struct {
			filter store.EventFilter
			n      int
		}{{store.EventFilter{}, 31}, {store.EventFilter{Country: "ARM"}, 16}, {store.EventFilter{Actor: "AZE"}, 15}} {
			filter := tc.filter
			all, _, err := f.s.Events(f.ctx, filter)
			if err != nil {
				t.Fatalf("Events: %v", err)
			}
			if len(all) != tc.n {
				t.Errorf("%+v: got %d events, want %d", filter, len(all), tc.n)
			}
			checkDatesNewestFirst(t, all, func(e domain.Event) domain.Date { return e.Date })
			for _, limit := range []int{1, 4, 7} {
				t.Run(fmt.Sprintf("%+v/%d", filter, limit), func(t *testing.T) {
					got := walk(t, limit, func(after store.Cursor) ([]domain.Event, store.Cursor, error) {
						p := filter
						p.Page = store.Page{Limit: limit, After: after}
						return f.s.Events(f.ctx, p)
					}, func(e domain.Event) string { return e.ID })
					if diff := cmp.Diff(eventIDs(all), got); diff != "" {
						t.Errorf("pages (-one listing +pages):\n%s", diff)
					}
				})
			}
		}
	}},
	{"BadCursor", func(t *testing.T, f *fixture) {
		_, _, err := f.s.Events(f.ctx, store.EventFilter{Page: store.Page{After: "not a cursor"}})
		wantCode(t, err, domain.EINVALID)
	}},
}

// checkDatesNewestFirst fails unless the items' dates never increase, with
// unknown dates last.
func checkDatesNewestFirst[T any](t *testing.T, items []T, dateOf func(T) domain.Date) {
	t.Helper()
	for i := 1; i < len(items); i++ {
		p, q := dateOf(items[i-1]), dateOf(items[i])
		if p.IsZero() && !q.IsZero() || !p.IsZero() && !q.IsZero() && q.After(p) {
			t.Errorf("item %d (%v) listed before item %d (%v)", i-1, p, i, q)
		}
	}
}

var claimTests = []test{
	{"Filters", func(t *testing.T, f *fixture) {
		seedRecords(f)
		runFilters(t, []filterCase[store.ClaimFilter]{
			{"all", store.ClaimFilter{}, []string{"c3", "c2", "c1", "c4"}},
			{"since", store.ClaimFilter{Since: date(8)}, []string{"c3", "c2"}},
			{"until", store.ClaimFilter{Until: date(8)}, []string{"c2", "c1"}},
			{"actor prefix", store.ClaimFilter{Actor: "ARM"}, []string{"c2"}},
			{"actor igo", store.ClaimFilter{Actor: "IGO"}, []string{"c4"}},
			{"actor code", store.ClaimFilter{Actor: "AZEGOV"}, []string{"c1"}},
			{"country", store.ClaimFilter{Country: "AZE"}, []string{"c1"}},
			{"topic", store.ClaimFilter{Topic: domain.TopicCeasefire}, []string{"c3", "c1"}},
			{"place name", store.ClaimFilter{Place: "stepanakert"}, []string{"c2"}},
			{"place geonameid", store.ClaimFilter{Place: "147622"}, []string{"c4"}},
			{"place region", store.ClaimFilter{Place: "nagorno-karabakh"}, []string{"c1"}},
			{"article", store.ClaimFilter{ArticleID: "B"}, []string{"c3", "c4"}},
			{"word", store.ClaimFilter{Q: "gunfire"}, []string{"c3"}},
			{"whole words", store.ClaimFilter{Q: "fire"}, []string{}},
			{"topic and since", store.ClaimFilter{Topic: domain.TopicCeasefire, Since: date(8)}, []string{"c3"}},
		}, func(cf store.ClaimFilter) ([]domain.Claim, store.Cursor, error) {
			return f.s.Claims(f.ctx, cf)
		}, claimIDs)
	}},
	{"Pagination", func(t *testing.T, f *fixture) {
		f.articles("P")
		var cs []domain.Claim
		for i := range 17 {
			cs = append(cs, claim(fmt.Sprintf("p%02d", i), "P", date(1+i%3), act("ARMGOV"),
				domain.TopicFighting, "ongoing", nil, "Claim."))
		}
		f.save(domain.Coding{ArticleID: "P", CoderVersion: "v1", Claims: cs})
		all, _, err := f.s.Claims(f.ctx, store.ClaimFilter{})
		if err != nil {
			t.Fatalf("Claims: %v", err)
		}
		got := walk(t, 5, func(after store.Cursor) ([]domain.Claim, store.Cursor, error) {
			return f.s.Claims(f.ctx, store.ClaimFilter{Page: store.Page{Limit: 5, After: after}})
		}, func(c domain.Claim) string { return c.ID })
		if diff := cmp.Diff(claimIDs(all), got); diff != "" {
			t.Errorf("pages (-one listing +pages):\n%s", diff)
		}
		if len(got) != 17 {
			t.Errorf("got %d claims, want 17", len(got))
		}
	}},
	{"BadCursor", func(t *testing.T, f *fixture) {
		_, _, err := f.s.Claims(f.ctx, store.ClaimFilter{Page: store.Page{After: "%%%"}})
		wantCode(t, err, domain.EINVALID)
	}},
}

var commitmentTests = []test{
	{"Filters", func(t *testing.T, f *fixture) {
		seedRecords(f)
		runFilters(t, []filterCase[store.CommitmentFilter]{
			{"all", store.CommitmentFilter{}, []string{"m3", "m2", "m1"}},
			{"since", store.CommitmentFilter{Since: date(8)}, []string{"m3", "m2"}},
			{"until", store.CommitmentFilter{Until: date(7)}, []string{"m1"}},
			{"actor", store.CommitmentFilter{Actor: "AZE"}, []string{"m3", "m1"}},
			{"country", store.CommitmentFilter{Country: "ARM"}, []string{"m2"}},
			{"category", store.CommitmentFilter{Category: domain.CategoryAid}, []string{"m1"}},
			{"status", store.CommitmentFilter{Status: domain.StatusPending}, []string{"m1"}},
			// A commitment's place is its event's.
			{"place", store.CommitmentFilter{Place: "Stepanakert"}, []string{"m1"}},
			{"place geonameid", store.CommitmentFilter{Place: "616052"}, []string{"m3"}},
			{"article", store.CommitmentFilter{ArticleID: "A"}, []string{"m2", "m1"}},
			{"word", store.CommitmentFilter{Q: "ceasefire"}, []string{"m3"}},
		}, func(cf store.CommitmentFilter) ([]domain.Commitment, store.Cursor, error) {
			return f.s.Commitments(f.ctx, cf)
		}, commitmentIDs)
	}},
	{"Update", func(t *testing.T, f *fixture) {
		a, _ := seedRecords(f)
		m1 := a.Commitments[0]
		update := m1
		update.Status = domain.StatusFulfilled
		update.Evidence = []domain.Evidence{{Record: "e9", ArticleID: "B", Date: date(12),
			Status: domain.StatusFulfilled, Note: "fuel delivered"}}
		update.Action = "changed, and not to be stored"
		if err := f.s.UpdateCommitments(f.ctx, []domain.Commitment{update}); err != nil {
			t.Fatalf("UpdateCommitments: %v", err)
		}
		want := m1
		want.Status, want.Evidence = update.Status, update.Evidence
		got, _, err := f.s.Commitments(f.ctx, store.CommitmentFilter{Status: domain.StatusFulfilled})
		if err != nil {
			t.Fatalf("Commitments: %v", err)
		}
		if diff := cmp.Diff([]domain.Commitment{want}, got, equateEmpty); diff != "" {
			t.Errorf("updated commitment (-want +got):\n%s", diff)
		}
		got, _, err = f.s.Commitments(f.ctx, store.CommitmentFilter{Status: domain.StatusPending})
		if err != nil || len(got) != 0 {
			t.Errorf("got %v, %v pending, want none", commitmentIDs(got), err)
		}
	}},
	{"Pagination", func(t *testing.T, f *fixture) {
		f.articles("P")
		var ms []domain.Commitment
		for i := range 13 {
			d := date(1 + i%3)
			if i%5 == 0 {
				d = domain.Date{}
			}
			ms = append(ms, commitment(fmt.Sprintf("p%02d", i), "P", d, act("AZEGOV"),
				domain.CategoryAid, domain.StatusPending, "", "Pledge."))
		}
		f.save(domain.Coding{ArticleID: "P", CoderVersion: "v1", Commitments: ms})
		all, _, err := f.s.Commitments(f.ctx, store.CommitmentFilter{})
		if err != nil {
			t.Fatalf("Commitments: %v", err)
		}
		checkDatesNewestFirst(t, all, func(c domain.Commitment) domain.Date { return c.Date })
		got := walk(t, 4, func(after store.Cursor) ([]domain.Commitment, store.Cursor, error) {
			return f.s.Commitments(f.ctx, store.CommitmentFilter{Page: store.Page{Limit: 4, After: after}})
		}, func(c domain.Commitment) string { return c.ID })
		if diff := cmp.Diff(commitmentIDs(all), got); diff != "" {
			t.Errorf("pages (-one listing +pages):\n%s", diff)
		}
		if len(got) != 13 {
			t.Errorf("got %d commitments, want 13", len(got))
		}
	}},
	{"BadCursor", func(t *testing.T, f *fixture) {
		_, _, err := f.s.Commitments(f.ctx, store.CommitmentFilter{Page: store.Page{After: "x"}})
		wantCode(t, err, domain.EINVALID)
	}},
	{"UpdateMissing", func(t *testing.T, f *fixture) {
		a, _ := seedRecords(f)
		ok := a.Commitments[0]
		ok.Status = domain.StatusViolated
		missing := ok
		missing.ID = "missing"
		err := f.s.UpdateCommitments(f.ctx, []domain.Commitment{ok, missing})
		wantCode(t, err, domain.ENOTFOUND)
		got, _, err := f.s.Commitments(f.ctx, store.CommitmentFilter{Status: domain.StatusViolated})
		if err != nil {
			t.Fatalf("Commitments: %v", err)
		}
		if diff := cmp.Diff([]string{"m3"}, commitmentIDs(got)); diff != "" {
			t.Errorf("violated after a failed update (-want +got):\n%s", diff)
		}
	}},
}

var contradictionTests = []test{
	{"SaveAndFilter", func(t *testing.T, f *fixture) {
		seedContradictions(f)
		runFilters(t, []filterCase[store.ContradictionFilter]{
			{"all", store.ContradictionFilter{}, []string{"x3", "x1", "x2"}},
			{"since", store.ContradictionFilter{Since: date(9)}, []string{"x3", "x1"}},
			{"until", store.ContradictionFilter{Until: date(8)}, []string{"x2"}},
			{"topic", store.ContradictionFilter{Topic: domain.TopicCeasefire}, []string{"x1"}},
			{"country", store.ContradictionFilter{Country: "AZE"}, []string{"x3", "x1", "x2"}},
			{"country none", store.ContradictionFilter{Country: "ARM"}, []string{}},
			{"place name", store.ContradictionFilter{Place: "stepanakert"}, []string{"x2"}},
			{"place region", store.ContradictionFilter{Place: "nagorno-karabakh"}, []string{"x1"}},
			{"place geonameid", store.ContradictionFilter{Place: "147622"}, []string{"x3"}},
			{"article", store.ContradictionFilter{ArticleID: "A"}, []string{"x1", "x2"}},
			{"article of a cited record", store.ContradictionFilter{ArticleID: "B"}, []string{"x3", "x1"}},
		}, func(cf store.ContradictionFilter) ([]domain.Contradiction, store.Cursor, error) {
			return f.s.Contradictions(f.ctx, cf)
		}, contradictionIDs)
	}},
	{"Pagination", func(t *testing.T, f *fixture) {
		var xs []domain.Contradiction
		for i := range 11 {
			xs = append(xs, domain.Contradiction{ID: fmt.Sprintf("p%02d", i), Topic: domain.TopicFighting,
				Date: date(1 + i%2), Claims: []string{"a", "b"}, Reason: "polarity"})
		}
		if err := f.s.SaveContradictions(f.ctx, xs); err != nil {
			t.Fatalf("SaveContradictions: %v", err)
		}
		all, _, err := f.s.Contradictions(f.ctx, store.ContradictionFilter{})
		if err != nil {
			t.Fatalf("Contradictions: %v", err)
		}
		got := walk(t, 3, func(after store.Cursor) ([]domain.Contradiction, store.Cursor, error) {
			return f.s.Contradictions(f.ctx, store.ContradictionFilter{Page: store.Page{Limit: 3, After: after}})
		}, func(c domain.Contradiction) string { return c.ID })
		if diff := cmp.Diff(contradictionIDs(all), got); diff != "" {
			t.Errorf("pages (-one listing +pages):\n%s", diff)
		}
		if len(got) != 11 {
			t.Errorf("got %d contradictions, want 11", len(got))
		}
	}},
	{"BadCursor", func(t *testing.T, f *fixture) {
		_, _, err := f.s.Contradictions(f.ctx, store.ContradictionFilter{Page: store.Page{After: "x"}})
		wantCode(t, err, domain.EINVALID)
	}},
	{"Replace", func(t *testing.T, f *fixture) {
		xs := seedContradictions(f)
		x2 := xs[1]
		x2.Explanation = "replaced"
		x2.Articles = []string{"B"}
		if err := f.s.SaveContradictions(f.ctx, []domain.Contradiction{x2}); err != nil {
			t.Fatalf("SaveContradictions: %v", err)
		}
		got, _, err := f.s.Contradictions(f.ctx, store.ContradictionFilter{})
		if err != nil {
			t.Fatalf("Contradictions: %v", err)
		}
		if diff := cmp.Diff([]domain.Contradiction{xs[2], xs[0], x2}, got, equateEmpty); diff != "" {
			t.Errorf("contradictions (-want +got):\n%s", diff)
		}
	}},
	{"RemovedWithRecords", func(t *testing.T, f *fixture) {
		seedContradictions(f)
		list := func() []string {
			t.Helper()
			got, _, err := f.s.Contradictions(f.ctx, store.ContradictionFilter{})
			if err != nil {
				t.Fatalf("Contradictions: %v", err)
			}
			return contradictionIDs(got)
		}
		f.save(domain.Coding{ArticleID: "A", CoderVersion: "v2"})
		if diff := cmp.Diff([]string{"x3"}, list()); diff != "" {
			t.Errorf("after re-coding A (-want +got):\n%s", diff)
		}
		f.save(domain.Coding{ArticleID: "B", CoderVersion: "v2"})
		if diff := cmp.Diff([]string{}, list()); diff != "" {
			t.Errorf("after re-coding B (-want +got):\n%s", diff)
		}
	}},
}

// seedContradictions stores the records of seedRecords and three
// contradictions: x1 cites A and B, x2 A only, and x3 cites a claim of B
// without naming its article.
func seedContradictions(f *fixture) []domain.Contradiction {
	f.t.Helper()
	seedRecords(f)
	xs := []domain.Contradiction{
		{ID: "x1", Topic: domain.TopicCeasefire, Place: karabakh, Date: date(9),
			Claims: []string{"c1", "c3"}, Articles: []string{"A", "B"}, Reason: "polarity",
			Explanation: "ceasefire in force vs violated"},
		{ID: "x2", Topic: domain.TopicFighting, Place: stepanakert, Date: date(8),
			Claims: []string{"c2", "e1"}, Articles: []string{"A"}, Reason: "polarity",
			Explanation: "fighting ongoing vs ceasefire"},
		{ID: "x3", Topic: domain.TopicAidAccess, Place: lachin, Date: date(10),
			Claims: []string{"c4"}, Reason: "polarity", Explanation: "aid blocked vs delivered"},
	}
	if err := f.s.SaveContradictions(f.ctx, xs); err != nil {
		f.t.Fatalf("SaveContradictions: %v", err)
	}
	return xs
}
