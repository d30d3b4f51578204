package placefile

import (
	"cmp"
	"testing"

	"github.com/truce/truce/internal/text"
)

func hashes(name string) []uint64 {
	var hs []uint64
	var h uint64
	for i, t := range text.Tokenize(name, 0, len(name), nil) {
		if i == 0 {
			h = text.Hash(t.Norm)
		} else {
			h = text.Extend(h, t.Norm)
		}
		hs = append(hs, h)
	}
	return hs
}

func TestRoundTrip(t *testing.T) {
	b := NewBuilder()
	am, _ := b.Country("AM")
	az, _ := b.Country("AZ")
	a11, _ := b.Admin1(am, "11", 40.18, 44.51)
	yer := b.Place(Place{GeonameID: 616052, Lat: 40.18111, Lon: 44.51361, Population: 1093485, Admin1: a11, Country: am, Feature: FeatureCapital}, "Yerevan")
	xan := b.Place(Place{GeonameID: 146970, Lat: 39.8177, Lon: 46.7528, Population: 53100, Admin1: NoAdmin1, Country: az, Feature: FeaturePlace}, "Xankandi")
	small := b.Place(Place{GeonameID: 1, Population: 10, Country: az, Feature: FeaturePlace}, "Yerevan")
	for _, n := range []string{"Yerevan", "Erevan"} {
		b.Key(hashes(n), yer)
	}
	b.Key(hashes("Yerevan"), small)
	for _, n := range []string{"Xankandi", "Stepanakert", "Xankəndi", "Ras al Ayn"} {
		b.Key(hashes(n), xan)
	}
	raw, err := b.Write(func(x, y Place) int { return cmp.Compare(y.Population, x.Population) }, 0.7)
	if err != nil {
		t.Fatal(err)
	}
	f, err := Open(raw)
	if err != nil {
		t.Fatal(err)
	}
	v, ok := f.Lookup(text.Hash(text.Key("Yerevan")))
	if !ok || f.Len(v) != 2 || f.At(v, 0) != yer || f.At(v, 1) != small {
		t.Fatalf("Yerevan: ok=%v len=%d", ok, f.Len(v))
	}
	p := f.Place(yer)
	if p.GeonameID != 616052 || p.Lat != 40.18111 || p.Lon != 44.51361 || f.Country(p.Country) != "AM" || f.PlaceName(yer) != "Yerevan" {
		t.Errorf("Yerevan = %+v %q", p, f.PlaceName(yer))
	}
	if a := f.Admin1(p.Admin1); a.Code != "11" || a.Lat != 40.18 {
		t.Errorf("admin1 = %+v", a)
	}
	for _, n := range []string{"Stepanakert", "Xankandi", "XANKƏNDI"} {
		v, ok := f.Lookup(text.Hash(text.Key(n)))
		if !ok || f.Len(v) != 1 || f.At(v, 0) != xan {
			t.Errorf("%s: not Xankandi", n)
		}
	}
	v, ok = f.Lookup(text.Hash(text.Key("Ras al")))
	if !ok || !v.Prefix() || f.Len(v) != 0 {
		t.Errorf("Ras al: prefix=%v len=%d", v.Prefix(), f.Len(v))
	}
	if _, ok := f.Lookup(text.Hash("nowhere")); ok {
		t.Error("nowhere found")
	}
	if _, err := Open(raw[:40]); err == nil {
		t.Error("truncated file opened")
	}
}
