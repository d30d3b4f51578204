package ingest

import (
	"testing"
)

func TestDecodeMarkup(t *testing.T) {
	tests := []struct {
		name        string
		doc         string
		isHTML      bool
		contentType string
		forced      string
		want        string
	}{
		{"UTF-8 as is", "<p>Кыiв</p>", true, "", "", "<p>Кыiв</p>"},
		{"UTF-8 BOM", "\xef\xbb\xbf<p>é</p>", true, "", "", "<p>é</p>"},
		{"UTF-16 BE BOM", "\xfe\xff\x00<\x00p\x00>\x00\xe9", true, "", "", "<p>é"},
		{"XML prolog windows-1251, rewritten", "<?xml version=\"1.0\" encoding=\"windows-1251\"?><t>\xc2\xee\xe9\xed\xe0</t>", false, "", "",
			"<?xml version=\"1.0\" encoding=\"UTF-8\"?><t>Война</t>"},
		{"XML prolog ISO-8859-1", "<?xml version='1.0' encoding='ISO-8859-1'?><t>\xe9</t>", false, "", "", "<?xml version='1.0' encoding=\"UTF-8\"?><t>é</t>"},
		{"HTML meta charset", "<html><head><meta charset=\"iso-8859-1\"></head><p>caf\xe9</p>", true, "", "", "<html><head><meta charset=\"iso-8859-1\"></head><p>café</p>"},
		{"HTML http-equiv", "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"><p>\xec\xe8\xf0</p>", true, "", "",
			"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"><p>мир</p>"},
		{"meta in a feed is no declaration", "<rss><d><![CDATA[<meta charset=\"koi8-r\">]]>\xc3\xa9</d></rss>", false, "", "",
			"<rss><d><![CDATA[<meta charset=\"koi8-r\">]]>é</d></rss>"},
		{"undeclared, not UTF-8: windows-1252", "<p>\x93quoted\x94 caf\xe9</p>", true, "", "", "<p>“quoted” café</p>"},
		{"HTTP charset wins over meta", "<meta charset=\"utf-8\"><p>\xe9</p>", true, "text/html; charset=ISO-8859-1", "", "<meta charset=\"utf-8\"><p>é</p>"},
		{"forced wins", "<?xml version=\"1.0\" encoding=\"utf-8\"?><t>\xec\xe8\xf0</t>", false, "", "windows-1251", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><t>мир</t>"},
		{"declared UTF-8 with a bad byte", "<meta charset=utf-8><p>a\xffb</p>", true, "", "", "<meta charset=utf-8><p>a\uFFFDb</p>"},
		{"declared UTF-16 without BOM lies", "<meta charset=\"utf-16\"><p>plain</p>", true, "", "", "<meta charset=\"utf-16\"><p>plain</p>"},
		{"unknown charset", "<meta charset=\"x-martian\"><p>\xe9</p>", true, "", "", "<meta charset=\"x-martian\"><p>é</p>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(decodeMarkup([]byte(tt.doc), tt.isHTML, tt.contentType, tt.forced)); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSniff(t *testing.T) {
	tests := []struct {
		head, name, contentType, want string
	}{
		{"<?xml version=\"1.0\"?>\n<rss version=\"2.0\">", "x", "", FormatFeed},
		{"<?xml version=\"1.0\"?><!-- c --><feed xmlns=\"http://www.w3.org/2005/Atom\">", "x", "", FormatFeed},
		{"<rdf:RDF xmlns:rdf=\"x\">", "x", "", FormatFeed},
		{"<!DOCTYPE html><html>", "feed.xml", "", FormatHTML},
		{"  <html lang=en>", "x", "", FormatHTML},
		{"<?xml version=\"1.0\"?><!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0//EN\"><html>", "x", "", FormatHTML},
		{"<p>fragment", "x", "", FormatHTML},
		{`{"version": "https://jsonfeed.org/version/1.1", "items": []}`, "x.json", "", FormatFeed},
		{`{"text": "a"}`, "x.txt", "", FormatJSONL},
		{"[{\"text\": \"a\"}]", "x", "", FormatJSONL},
		{"id,text,date\n1,a,2023", "x", "", FormatCSV},
		{"ID\tBody\n1\ta", "x", "", FormatTSV},
		{"Notes;Date\nx;y", "x", "", FormatCSV},
		{"anything, really", "x.csv", "", FormatCSV},
		{"anything", "https://example.org/list.tsv?x=1", "", FormatTSV},
		{"Troops, tanks and trucks moved in.", "x", "", FormatText},
		{"date 2023-11-07 In the wake", "seed.txt", "", FormatText},
		{"no tags here", "x", "text/html; charset=utf-8", FormatHTML},
	}
	for _, tt := range tests {
		if got := sniff([]byte(tt.head), tt.name, tt.contentType); got != tt.want {
			t.Errorf("sniff(%q, %q, %q): got %s, want %s", tt.head, tt.name, tt.contentType, got, tt.want)
		}
	}
}

func TestEncodingOption(t *testing.T) {
	dir := t.TempDir()
	path := writeFile(t, dir, "cp1251.txt", "date 2024-02-24 \xc2\xee\xe9\xed\xe0 \xe8 \xec\xe8\xf0.")
	arts, errs, _ := collect(t, path, Options{Encoding: "windows-1251"})
	if len(errs) > 0 || len(arts) != 1 || arts[0].Text != "Война и мир." {
		t.Errorf("got %d articles, errors %q, want the text decoded as windows-1251", len(arts), errStrings(errs))
	}
	_, errs, _ = collect(t, path, Options{})
	if len(errs) != 1 {
		t.Errorf("without the option: got errors %q, want one (not UTF-8)", errStrings(errs))
	}
	_, errs, _ = collect(t, path, Options{Encoding: "x-martian"})
	if len(errs) != 1 || errs[0].Error() != `encoding "x-martian": not a charset this reader knows` {
		t.Errorf("unknown encoding: got errors %q", errStrings(errs))
	}
}
