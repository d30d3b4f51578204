package gazetteer

import (
	"io/fs"
	"os"
	"sync"
	"testing"
)

// overlay serves the named files from dir and the rest from base.
type overlay struct {
	base  fs.FS
	dir   string
	names map[string]bool
}

func (o overlay) Open(name string) (fs.File, error) {
	if o.names[name] {
		return os.DirFS(o.dir).Open(name)
	}
	return o.base.Open(name)
}

func embeddedData(t testing.TB) fs.FS {
	sub, err := fs.Sub(embedded, "data")
	if err != nil {
		t.Fatal(err)
	}
	return sub
}

// actorFiles are written with the actor dictionaries, by another hand.
var actorFiles = []string{"people.txt", "groups.txt", "igos.txt"}

// fixtureOptions load the embedded data with the test fixtures standing in
// for the actor dictionaries: the golden cases stay stable whatever those
// dictionaries say.
func fixtureOptions(t testing.TB) Options {
	names := map[string]bool{}
	for _, n := range actorFiles {
		names[n] = true
	}
	return Options{base: overlay{embeddedData(t), "testdata/fixtures", names}}
}

// productOptions load the embedded data as the product does, with the
// fixtures only for the actor dictionaries not yet written.
func productOptions(t testing.TB) Options {
	names := map[string]bool{}
	for _, n := range actorFiles {
		if _, err := fs.Stat(embeddedData(t), n); err != nil {
			t.Logf("data/%s is absent: using testdata/fixtures/%s", n, n)
			names[n] = true
		}
	}
	return Options{base: overlay{embeddedData(t), "testdata/fixtures", names}}
}

var (
	fixtureOnce sync.Once
	fixtureGaz  *Gazetteer
	fixtureErr  error
)

func fixtureGazetteer(t testing.TB) *Gazetteer {
	fixtureOnce.Do(func() { fixtureGaz, fixtureErr = Load(fixtureOptions(t)) })
	if fixtureErr != nil {
		t.Fatal(fixtureErr)
	}
	return fixtureGaz
}
