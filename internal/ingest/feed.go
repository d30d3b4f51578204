package ingest

import (
	"bytes"
	"errors"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/truce/truce/internal/domain"
)

// readFeed reads an RSS, RDF, Atom or JSON feed (as UTF-8): one article
// per item, the item's HTML reduced to text.
func (e *emitter) readFeed(doc []byte) error {
	var f *gofeed.Feed
	err := safely("the feed parser", func() (err error) {
		f, err = gofeed.NewParser().Parse(bytes.NewReader(doc))
		return err
	})
	if err != nil {
		if _, ok := errors.AsType[*domain.Error](err); ok {
			return err
		}
		if errors.Is(err, gofeed.ErrFeedTypeNotDetected) {
			return invalid("not a feed: no RSS, Atom or JSON Feed found")
		}
		return invalid("not a valid feed: %v", err)
	}
	source := cleanLine(htmlFragmentText(f.Title))
	for i, it := range f.Items {
		if it == nil {
			continue
		}
		content := it.Content
		if strings.TrimSpace(content) == "" {
			content = it.Description
		}
		a := &domain.Article{
			ID:     it.GUID,
			Title:  htmlFragmentText(it.Title),
			URL:    it.Link,
			Source: source,
			Byline: authors(it.Authors),
			Text:   htmlFragmentText(content),
		}
		if !hasWord(a.Text) {
			// A headline-only item (some feeds carry no summary) is
			// still news: its title is its text.
			a.Text = a.Title
		}
		var fallback time.Time
		switch {
		case it.Published != "":
			a.DateText = it.Published
			if it.PublishedParsed != nil {
				fallback = *it.PublishedParsed
			}
		case it.Updated != "":
			a.DateText = it.Updated
			if it.UpdatedParsed != nil {
				fallback = *it.UpdatedParsed
			}
		}
		ref := it.GUID
		if ref == "" {
			ref = it.Link
		}
		if !e.add(a, 0, itemName(i+1, ref), fallback) {
			return nil
		}
	}
	return nil
}

func authors(ps []*gofeed.Person) string {
	var names []string
	for _, p := range ps {
		if p == nil {
			continue
		}
		if n := strings.TrimSpace(p.Name); n != "" {
			names = append(names, n)
		} else if m := strings.TrimSpace(p.Email); m != "" {
			names = append(names, m)
		}
	}
	return strings.Join(names, ", ")
}
