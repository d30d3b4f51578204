package server

import (
	"context"
	"fmt"
	"hash/fnv"
	"strings"
	"testing"
	"time"

	"github.com/truce/truce/internal/domain"
	"github.com/truce/truce/internal/store"
	"github.com/truce/truce/internal/store/sqlite"
)

// The seeded store: articles about the 2023 Nagorno-Karabakh offensive
// and its aftermath, written for these tests, with the records a coder
// would produce from them (spans computed from the text), a
// contradiction, commitments with evidence, a hostile article, and a
// run of daily roundups so that the timeline and the map have shape.

// Places, as the gazetteer resolves them.
var (
	yerevan   = city("Yerevan", 616052, "ARM", "Yerevan", 40.1811, 44.5136)
	khankendi = city("Khankendi", 174875, "AZE", "Karabakh", 39.8153, 46.7519)
	shusha    = city("Shusha", 147271, "AZE", "Karabakh", 39.7583, 46.7486)
	agdam     = city("Agdam", 148565, "AZE", "Karabakh", 39.9911, 46.9297)
	martuni   = city("Martuni", 147413, "AZE", "Karabakh", 39.7947, 47.1128)
	lachin    = city("Lachin", 147425, "AZE", "Lachin", 39.6383, 46.5461)
	goris     = city("Goris", 174895, "ARM", "Syunik", 39.5111, 46.3386)
	kapan     = city("Kapan", 174823, "ARM", "Syunik", 39.2076, 46.4054)
	gyumri    = city("Gyumri", 616635, "ARM", "Shirak", 40.7894, 43.8475)
	baku      = city("Baku", 587084, "AZE", "Baku", 40.3777, 49.892)
	moscow    = city("Moscow", 524901, "RUS", "Moscow", 55.7522, 37.6156)
	brussels  = city("Brussels", 2800866, "BEL", "Brussels Capital", 50.8505, 4.3488)
	karabakh  = &domain.Place{Name: "Nagorno-Karabakh", Region: "nagorno-karabakh", Country: "AZE",
		Lat: 39.8, Lon: 46.75, Precision: domain.PrecisionRegion}
)

func city(name string, id int, country, admin1 string, lat, lon float64) *domain.Place {
	return &domain.Place{Name: name, GeonameID: domain.NullInt(id), Country: domain.NullString(country),
		Admin1: domain.NullString(admin1), Lat: lat, Lon: lon, Precision: domain.PrecisionCity}
}

// Actors, as the dictionaries name them.
var actorNames = map[string]string{
	"AZE": "Azerbaijan", "AZEGOV": "Government of Azerbaijan", "AZEMIL": "Azerbaijani military",
	"AZEREB": "Nagorno-Karabakh authorities", "AZECVL": "Karabakh civilians",
	"ARM": "Armenia", "ARMGOV": "Government of Armenia", "ARMCVL": "Armenian civilians", "ARMCOP": "Armenian police",
	"RUSMIL": "Russian military", "RUSGOV": "Government of Russia", "IGOUNO": "United Nations",
	"NGOICRC": "International Committee of the Red Cross", "IGOEUREEC": "European Union",
}

// hostile is HTML that must never reach a page unescaped.
const hostile = `<script>alert(1)</script><img src=x onerror=alert(2)>`

// seedInfo names what tests look for.
type seedInfo struct {
	ceasefire, offensive, protest, aid, peacekeepers, hostileID string
	roundups                                                    []string
	events                                                      int
	contradiction                                               string
	aidCommitment                                               string
}

// doc builds one article and its coding, finding every span in its text.
type doc struct {
	a      *domain.Article
	c      domain.Coding
	cursor int // where the current sentence starts
	sent   string
	index  int
}

func newDoc(id, title, source, url string, date string, sentences ...string) *doc {
	d, err := domain.ParseDate(date)
	if err != nil {
		panic(err)
	}
	text := strings.Join(sentences, " ")
	a := &domain.Article{
		ID: id, Title: title, Source: source, URL: url, Published: d.Time().Add(9 * time.Hour),
		DateText: date, Text: text, Format: "text", Origin: "seed", Hash: domain.NormalizedHash(text),
		Signature: signature(id),
	}
	return &doc{a: a, c: domain.Coding{ArticleID: id, CoderVersion: "test-1"}}
}

// signature is a MinHash signature unlike any other article's, so that no
// seeded article is a near-duplicate of another.
func signature(id string) domain.Signature {
	s := make(domain.Signature, domain.SignatureSize)
	for i := range s {
		h := fnv.New32a()
		fmt.Fprintf(h, "%s/%d", id, i)
		s[i] = h.Sum32()
	}
	return s
}

// in moves to the sentence that starts with prefix.
func (d *doc) in(prefix string) *doc {
	i := strings.Index(d.a.Text, prefix)
	if i < 0 {
		panic(fmt.Sprintf("seed %s: no sentence %q", d.a.ID, prefix))
	}
	end := strings.Index(d.a.Text[i:], ". ")
	if end < 0 {
		end = len(d.a.Text) - i
	} else {
		end++
	}
	d.cursor, d.sent = i, d.a.Text[i:i+end]
	d.index = strings.Count(d.a.Text[:i], ". ")
	return d
}

// span finds words in the current sentence.
func (d *doc) span(words string) domain.Span {
	i := strings.Index(d.sent, words)
	if i < 0 {
		panic(fmt.Sprintf("seed %s: no %q in %q", d.a.ID, words, d.sent))
	}
	return domain.Span{Start: d.cursor + i, End: d.cursor + i + len(words)}
}

func (d *doc) actor(words, code string) domain.Actor {
	country, sector := domain.SplitCode(code)
	a := domain.Actor{Text: words, Span: d.span(words), Code: domain.NullString(code),
		Country: domain.NullString(country), Sector: domain.NullString(sector),
		Name: domain.NullString(actorNames[code])}
	typ := domain.MentionActor
	if strings.HasPrefix(code, "IGO") || strings.HasPrefix(code, "NGO") {
		typ = domain.MentionOrg
	}
	d.c.Mentions = append(d.c.Mentions, domain.Mention{ArticleID: d.a.ID, Text: words, Span: a.Span, Type: typ,
		Code: a.Code, Country: a.Country, Sector: a.Sector, Name: a.Name})
	return a
}

func (d *doc) place(words string, p *domain.Place) *domain.Place {
	c := *p
	c.Text, c.Span = words, d.span(words)
	lat, lon := c.Lat, c.Lon
	d.c.Mentions = append(d.c.Mentions, domain.Mention{ArticleID: d.a.ID, Text: words, Span: c.Span, Type: domain.MentionPlace,
		Name: domain.NullString(c.Name), GeonameID: c.GeonameID, Region: c.Region, Country: c.Country, Admin1: c.Admin1,
		Lat: &lat, Lon: &lon, Precision: domain.NullString(c.Precision)})
	return &c
}

// goldstein weights of the CAMEO codes the seed uses.
var goldstein = map[string]float64{
	"0871": 9, "1041": -5, "190": -10, "194": -10, "0333": 5.2, "141": -6.5, "111": -2, "112": -2,
	"173": -5, "073": 7.4, "0874": 10, "040": 1, "150": -7.2, "046": 7,
}

// event adds an event triggered by trigger in the current sentence.
func (d *doc) event(trigger, cameo string, quad int, plover, modality string, src, tgt []domain.Actor, place *domain.Place) *domain.Event {
	id := fmt.Sprintf("%s-e%d", d.a.ID, len(d.c.Events)+1)
	e := domain.Event{
		ID: id, ArticleID: d.a.ID, Date: d.a.Date(), Sentence: d.sent, SentenceIndex: d.index,
		Span:    domain.Span{Start: d.cursor, End: d.cursor + len(d.sent)},
		Trigger: trigger, TriggerSpan: d.span(trigger), Source: src, Target: tgt,
		CAMEO: cameo, QuadClass: quad, Goldstein: goldstein[cameo],
		PLOVER: domain.PLOVER{Type: plover}, Modality: modality, Place: place,
		Rule: "verbs.txt:" + cameo, Confidence: 0.8, CoderVersion: "test-1",
	}
	d.c.Events = append(d.c.Events, e)
	return &d.c.Events[len(d.c.Events)-1]
}

func (d *doc) claim(speaker domain.Actor, verb, topic, polarity, proposition string, place *domain.Place) *domain.Claim {
	id := fmt.Sprintf("%s-c%d", d.a.ID, len(d.c.Claims)+1)
	c := domain.Claim{
		ID: id, ArticleID: d.a.ID, Date: d.a.Date(), Sentence: d.sent, SentenceIndex: d.index,
		Span:    domain.Span{Start: d.cursor, End: d.cursor + len(d.sent)},
		Speaker: speaker, Verb: verb, VerbSpan: d.span(verb), Topic: topic, Polarity: polarity,
		Proposition: proposition, PropositionSpan: d.span(proposition), Place: place,
		Rule: "claims.txt:" + topic, CoderVersion: "test-1",
	}
	d.c.Claims = append(d.c.Claims, c)
	return &d.c.Claims[len(d.c.Claims)-1]
}

func (d *doc) commitment(actor domain.Actor, beneficiary *domain.Actor, category, action, condition, status string) *domain.Commitment {
	id := fmt.Sprintf("%s-k%d", d.a.ID, len(d.c.Commitments)+1)
	c := domain.Commitment{
		ID: id, ArticleID: d.a.ID, Date: d.a.Date(), Sentence: d.sent, SentenceIndex: d.index,
		Span:  domain.Span{Start: d.cursor, End: d.cursor + len(d.sent)},
		Actor: actor, Beneficiary: beneficiary, Category: category, Action: action, ActionSpan: d.span(action),
		Condition: domain.NullString(condition), Status: status, Rule: "commitments.txt:" + category, CoderVersion: "test-1",
	}
	d.c.Commitments = append(d.c.Commitments, c)
	return &d.c.Commitments[len(d.c.Commitments)-1]
}

func list(as ...domain.Actor) []domain.Actor { return as }

// seedStore opens an in-memory SQLite store and fills it.
func seedStore(t testing.TB) (store.Store, seedInfo) {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, sqlite.Memory)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	info := seed(t, st)
	return st, info
}

func seed(t testing.TB, st store.Store) seedInfo {
	t.Helper()
	ctx := context.Background()
	var docs []*doc
	var info seedInfo

	// The founding story: a ceasefire declared while gunfire is reported.
	d := newDoc("nk-ceasefire", "Azerbaijan declares ceasefire in Nagorno-Karabakh as gunfire is reported", "Caucasus Wire",
		"https://news.example.org/caucasus/2023/11/07/ceasefire", "2023-11-07",
		"Azerbaijan declared that a ceasefire had been reached in Nagorno-Karabakh, while reports of ongoing gunfire near Khankendi raised fears of further bloodshed.",
		"Ethnic Armenian officials demanded security guarantees from Baku before any disarmament.",
		"Azerbaijan agreed to provide fuel and humanitarian aid to the region.",
		"Thousands of Armenians protested in Yerevan, demanding accountability from their government.")
	d.in("Azerbaijan declared")
	aze := d.actor("Azerbaijan", "AZE")
	nk := d.place("Nagorno-Karabakh", karabakh)
	kh := d.place("Khankendi", khankendi)
	cease := d.event("declared", "0871", 2, "RETREAT", domain.ModalityReported, list(aze), nil, nk)
	cease.PLOVER.Mode = "ceasefire"
	cease.AttributedTo = &domain.Actor{Text: "Azerbaijan", Code: "AZE", Country: "AZE", Name: "Azerbaijan"}
	d.event("gunfire", "190", 4, "FIGHT", domain.ModalityReported, nil, nil, kh)
	c1 := d.claim(aze, "declared", domain.TopicCeasefire, "in_force", "a ceasefire had been reached in Nagorno-Karabakh", nk)
	c2 := d.claim(domain.Actor{Text: "reports", Span: d.span("reports"), Name: "unnamed"}, "reports of",
		domain.TopicFighting, "ongoing", "ongoing gunfire near Khankendi", kh)
	d.in("Ethnic Armenian officials")
	officials := d.actor("Ethnic Armenian officials", "AZEREB")
	bakuGov := d.actor("Baku", "AZEGOV")
	dem := d.event("demanded", "1041", 3, "DEMAND", domain.ModalityDemanded, list(officials), list(bakuGov), nil)
	dem.Issue = "security guarantees"
	d.commitment(officials, nil, domain.CategoryDisarmament, "disarmament", "security guarantees from Baku", domain.StatusConditional)
	d.in("Azerbaijan agreed")
	aze2 := d.actor("Azerbaijan", "AZEGOV")
	d.event("agreed to provide", "0333", 1, "AGREE", domain.ModalityIntended, list(aze2), nil, nil)
	aidK := d.commitment(aze2, &domain.Actor{Text: "the region", Code: "AZECVL", Name: "Karabakh civilians"},
		domain.CategoryAid, "provide fuel and humanitarian aid", "", domain.StatusPending)
	d.in("Thousands of Armenians")
	armcvl := d.actor("Thousands of Armenians", "ARMCVL")
	yer := d.place("Yerevan", yerevan)
	armgov := d.actor("their government", "ARMGOV")
	prot := d.event("protested", "141", 3, "PROTEST", domain.ModalityAsserted, list(armcvl), list(armgov), yer)
	prot.PLOVER.Mode = "demonstrate"
	prot.Size, prot.SizeEstimate = "thousands", domain.Int(2000)
	prot.ACLED = &domain.ACLED{EventType: "Protests", SubEventType: "Peaceful protest"}
	prot.Issue = "accountability"
	info.ceasefire, info.contradiction, info.aidCommitment = d.a.ID, "x-ceasefire-nk", aidK.ID
	docs = append(docs, d)

	// The offensive, with casualties.
	d = newDoc("nk-offensive", "Azerbaijan launches military operation in Karabakh", "Regional Monitor",
		"https://monitor.example.net/2023/09/19/offensive", "2023-09-19",
		"Azerbaijani forces launched a military operation in Nagorno-Karabakh on Tuesday, shelling positions around Khankendi.",
		"Local officials said 27 people were killed, including two civilians.",
		"Armenia's government condemned the offensive.")
	d.in("Azerbaijani forces")
	azemil := d.actor("Azerbaijani forces", "AZEMIL")
	d.place("Nagorno-Karabakh", karabakh)
	kh2 := d.place("Khankendi", khankendi)
	shell := d.event("shelling", "194", 4, "FIGHT", domain.ModalityAsserted, list(azemil), list(domain.Actor{Text: "positions", Code: "AZEREB", Country: "AZE", Sector: "REB", Name: "Nagorno-Karabakh authorities", Span: d.span("positions")}), kh2)
	shell.Fatalities = domain.Count{Best: domain.Int(27), Low: domain.Int(27), High: domain.Int(27)}
	shell.ACLED = &domain.ACLED{EventType: "Explosions/Remote violence", SubEventType: "Shelling/artillery/missile attack"}
	d.in("Local officials")
	local := d.actor("Local officials", "AZEREB")
	cas := d.claim(local, "said", domain.TopicCasualties, "count", "27 people were killed", kh2)
	cas.Count, cas.CountKind = domain.Int(27), "killed"
	d.in("Armenia's government")
	arm := d.actor("Armenia's government", "ARMGOV")
	d.event("condemned", "111", 3, "ACCUSE", domain.ModalityAsserted, list(arm), list(domain.Actor{Text: "the offensive", Code: "AZEMIL", Country: "AZE", Sector: "MIL", Name: "Azerbaijani military", Span: d.span("the offensive")}), nil)
	info.offensive = d.a.ID
	docs = append(docs, d)

	// A protest in Yerevan, with arrests.
	d = newDoc("yerevan-protest", "Protesters in Yerevan demand Pashinyan's resignation", "Armenian Daily",
		"https://daily.example.am/2023/09/21/protest", "2023-09-21",
		"Thousands of protesters gathered in Yerevan, demanding the resignation of Prime Minister Nikol Pashinyan.",
		"Police detained dozens of demonstrators near the government building.")
	d.in("Thousands of protesters")
	p1 := d.actor("Thousands of protesters", "ARMCVL")
	y := d.place("Yerevan", yerevan)
	pm := d.actor("Prime Minister Nikol Pashinyan", "ARMGOV")
	pe := d.event("gathered", "141", 3, "PROTEST", domain.ModalityAsserted, list(p1), list(pm), y)
	pe.ACLED = &domain.ACLED{EventType: "Protests", SubEventType: "Peaceful protest"}
	d.in("Police detained")
	police := d.actor("Police", "ARMCOP")
	demos := d.actor("dozens of demonstrators", "ARMCVL")
	arr := d.event("detained", "173", 4, "ARREST", domain.ModalityAsserted, list(police), list(demos), y)
	arr.Arrested = domain.Count{Low: domain.Int(24)}
	info.protest = d.a.ID
	docs = append(docs, d)

	// The aid the ceasefire story promised arrives.
	d = newDoc("aid-convoy", "Red Cross convoy reaches Khankendi", "Caucasus Wire",
		"https://news.example.org/caucasus/2023/11/12/convoy", "2023-11-12",
		"A convoy of the International Committee of the Red Cross delivered fuel and medical supplies to Khankendi through the Lachin corridor.",
		"Azerbaijan said the road would stay open.")
	d.in("A convoy")
	icrc := d.actor("the International Committee of the Red Cross", "NGOICRC")
	kh3 := d.place("Khankendi", khankendi)
	d.place("Lachin", lachin)
	aidEv := d.event("delivered", "073", 2, "AID", domain.ModalityAsserted, list(icrc), list(domain.Actor{Text: "Khankendi", Code: "AZECVL", Name: "Karabakh civilians", Span: d.span("Khankendi")}), kh3)
	aidEv.PLOVER.Mode = "humanitarian"
	d.in("Azerbaijan said")
	aze3 := d.actor("Azerbaijan", "AZEGOV")
	d.claim(aze3, "said", domain.TopicCorridor, "open", "the road would stay open", lachin)
	info.aid = d.a.ID
	docs = append(docs, d)

	// Peacekeepers withdraw, as Moscow reports it.
	d = newDoc("peacekeepers", "Russian peacekeepers leave posts near Lachin", "Regional Monitor", "", "2023-10-02",
		"Russian peacekeepers withdrew from two observation posts near Lachin, the defence ministry in Moscow said.")
	d.in("Russian peacekeepers")
	rus := d.actor("Russian peacekeepers", "RUSMIL")
	la := d.place("Lachin", lachin)
	d.place("Moscow", moscow)
	wd := d.event("withdrew", "0874", 2, "RETREAT", domain.ModalityReported, list(rus), nil, la)
	wd.AttributedTo = &domain.Actor{Text: "the defence ministry in Moscow", Code: "RUSGOV", Country: "RUS", Name: "Government of Russia"}
	info.peacekeepers = d.a.ID
	docs = append(docs, d)

	// Hostile HTML in a title, a text, a name and a place.
	d = newDoc("hostile", hostile, "Unknown <b>Source</b>", "javascript:alert(3)", "2023-10-20",
		"Officials in Baku said "+hostile+" talks would resume in Brussels.")
	d.in("Officials in Baku")
	off := d.actor("Officials in Baku", "AZEGOV")
	off.Name = `"><svg onload=alert(4)>`
	d.c.Mentions[len(d.c.Mentions)-1].Name = off.Name
	bru := d.place("Brussels", brussels)
	bru.Name = "Brussels<script>alert(5)</script>"
	d.event("talks", "040", 1, "CONSULT", domain.ModalityIntended, list(off), nil, bru)
	d.claim(off, "said", domain.TopicTalks, "held", hostile+" talks would resume", bru)
	info.hostileID = d.a.ID
	docs = append(docs, d)

	// Daily roundups, every other day from mid-September.
	type line struct {
		text    string
		src     [2]string // words, code
		tgt     [2]string
		trigger string
		cameo   string
		quad    int
		plover  string
		places  []*domain.Place
	}
	lines := []line{
		{"Azerbaijani forces shelled Karabakh Armenian positions near %s.", [2]string{"Azerbaijani forces", "AZEMIL"}, [2]string{"Karabakh Armenian positions", "AZEREB"}, "shelled", "194", 4, "FIGHT", []*domain.Place{khankendi, shusha, agdam, martuni}},
		{"Armenia's government accused Baku of violating the ceasefire near %s.", [2]string{"Armenia's government", "ARMGOV"}, [2]string{"Baku", "AZEGOV"}, "accused", "112", 3, "ACCUSE", []*domain.Place{lachin, goris, kapan}},
		{"Russian peacekeepers patrolled the road near %s.", [2]string{"Russian peacekeepers", "RUSMIL"}, [2]string{}, "patrolled", "150", 4, "MOBILIZE", []*domain.Place{lachin, khankendi}},
		{"UN agencies delivered food to civilians in %s.", [2]string{"UN agencies", "IGOUNO"}, [2]string{"civilians", "AZECVL"}, "delivered", "073", 2, "AID", []*domain.Place{khankendi, goris}},
		{"Azerbaijan and Armenia held talks on the border in %s.", [2]string{"Azerbaijan", "AZEGOV"}, [2]string{"Armenia", "ARMGOV"}, "held talks", "040", 1, "CONSULT", []*domain.Place{brussels, moscow, baku}},
		{"Hundreds of protesters rallied in %s against the government.", [2]string{"Hundreds of protesters", "ARMCVL"}, [2]string{"the government", "ARMGOV"}, "rallied", "141", 3, "PROTEST", []*domain.Place{yerevan, gyumri}},
		{"The European Union pledged support for refugees arriving in %s.", [2]string{"The European Union", "IGOEUREEC"}, [2]string{"refugees", "ARMCVL"}, "pledged", "046", 1, "AGREE", []*domain.Place{goris, yerevan}},
	}
	start, _ := domain.ParseDate("2023-09-15")
	for i := range 30 {
		date := start.AddDays(2 * i)
		var sentences []string
		var used []line
		var where []*domain.Place
		for k := range 2 + i%3 {
			l := lines[(i*3+k*5)%len(lines)]
			p := l.places[(i+k)%len(l.places)]
			sentences = append(sentences, fmt.Sprintf(l.text, p.Name))
			used, where = append(used, l), append(where, p)
		}
		id := fmt.Sprintf("roundup-%s", date)
		d := newDoc(id, "Karabakh roundup, "+date.String(), []string{"Caucasus Wire", "Regional Monitor", "Armenian Daily"}[i%3],
			"https://roundup.example.org/"+date.String(), date.String(), sentences...)
		for k, l := range used {
			d.in(sentences[k][:20])
			src := list(d.actor(l.src[0], l.src[1]))
			var tgt []domain.Actor
			if l.tgt[1] != "" {
				tgt = list(d.actor(l.tgt[0], l.tgt[1]))
			}
			pl := d.place(where[k].Name, where[k])
			d.event(l.trigger, l.cameo, l.quad, l.plover, domain.ModalityAsserted, src, tgt, pl)
		}
		info.roundups = append(info.roundups, id)
		docs = append(docs, d)
	}

	var articles []*domain.Article
	var codings []domain.Coding
	for _, d := range docs {
		articles = append(articles, d.a)
		codings = append(codings, d.c)
		info.events += len(d.c.Events)
	}
	res, err := st.AddArticles(ctx, articles)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range res {
		if r.Status != store.New {
			t.Fatalf("seed article %s: %s, want new", articles[i].ID, r.Status)
		}
	}
	if err := st.SaveCodings(ctx, codings); err != nil {
		t.Fatal(err)
	}
	err = st.SaveContradictions(ctx, []domain.Contradiction{{
		ID: info.contradiction, Topic: domain.TopicCeasefire, Place: karabakh,
		Date: docs[0].a.Date(), Claims: []string{c1.ID, c2.ID}, Articles: []string{info.ceasefire, info.ceasefire},
		Reason: "polarity", Explanation: "ceasefire claimed in force by AZE vs fighting reported ongoing",
	}})
	if err != nil {
		t.Fatal(err)
	}
	aidCommitment := docs[0].c.Commitments[1]
	aidCommitment.Status = domain.StatusFulfilled
	aidCommitment.Evidence = []domain.Evidence{{Record: info.aid + "-e1", ArticleID: info.aid,
		Date: docs[3].a.Date(), Status: domain.StatusFulfilled, Note: "Red Cross convoy delivered fuel to Khankendi"}}
	if err := st.UpdateCommitments(ctx, []domain.Commitment{aidCommitment}); err != nil {
		t.Fatal(err)
	}
	return info
}

// emptyStore opens an in-memory store with nothing in it.
func emptyStore(t testing.TB) (store.Store, seedInfo) {
	t.Helper()
	st, err := sqlite.Open(context.Background(), sqlite.Memory)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st, seedInfo{}
}
