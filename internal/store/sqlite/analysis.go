package sqlite

import (
	"context"
	"database/sql"
	"sort"
	"strconv"

	"github.com/truce/truce/internal/domain"
	"github.com/truce/truce/internal/store"
)

// Timeline counts events per day or ISO week (starting Monday) and quad
// class or PLOVER type. Events without a date, a quad class (0) or a
// PLOVER type are not counted in that grouping.
func (s *Store) Timeline(ctx context.Context, f store.TimelineFilter) ([]store.TimelineBucket, error) {
	week := false
	switch f.Interval {
	case "", "day":
	case "week":
		week = true
	default:
		return nil, domain.Errorf(domain.EINVALID, "timeline interval %q: want day or week", f.Interval)
	}
	var group string
	switch f.By {
	case "", "quad":
		group = "quad_class"
	case "plover":
		group = "plover_type"
	default:
		return nil, domain.Errorf(domain.EINVALID, "timeline by %q: want quad or plover", f.By)
	}

	// Groups that are not counted: no quad class, no PLOVER type.
	valid := "quad_class BETWEEN 1 AND 4"
	if group == "plover_type" {
		valid = "plover_type <> ''"
	}
	var (
		q    string
		args []any
	)
	if f.Actor == "" && f.Place == "" {
		// event_counts holds exactly these counts, per day.
		w := &where{}
		w.add("country = ?", f.Country)
		w.add("date > 0")
		w.add(valid)
		w.dateRange("date", f.Since, f.Until)
		q = `SELECT date, ` + group + `, sum(n) FROM event_counts` + w.String() +
			` GROUP BY date, ` + group + ` HAVING sum(n) > 0 ORDER BY date, ` + group
		args = w.args
	} else {
		l := eventSource(eventSel{Since: f.Since, Until: f.Until, Actor: f.Actor, Country: f.Country, Place: f.Place}, false)
		l.w.add(l.dateCol + " > 0")
		l.w.add(l.prefix + valid)
		q = `SELECT ` + l.dateCol + `, ` + l.prefix + group + `, count(*) FROM ` + l.from + l.w.String() +
			` GROUP BY 1, 2 ORDER BY 1, 2`
		args = l.w.args
	}
	rows, err := s.r.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, errf("timeline: %w", err)
	}
	defer rows.Close()

	// Rows come by day, then group. A day's buckets are final as they
	// come; a week's are summed while its days come, then emitted in
	// group order.
	out := []store.TimelineBucket{}
	var (
		weekStart  domain.Date
		weekCounts = map[string]int{}
		flush      = func() {
			start := len(out)
			for g, n := range weekCounts {
				out = append(out, store.TimelineBucket{Start: weekStart, Group: g, Count: n})
			}
			sort.Slice(out[start:], func(i, j int) bool { return out[start+i].Group < out[start+j].Group })
			clear(weekCounts)
		}
		date, n int
		g       sql.RawBytes
	)
	for rows.Next() {
		if err := rows.Scan(&date, &g, &n); err != nil {
			return nil, errf("timeline: %w", err)
		}
		d := keyDate(date)
		if !week {
			out = append(out, store.TimelineBucket{Start: d, Group: string(g), Count: n})
			continue
		}
		if m := monday(d); m != weekStart {
			flush()
			weekStart = m
		}
		weekCounts[string(g)] += n
	}
	if err := rows.Err(); err != nil {
		return nil, errf("timeline: %w", err)
	}
	flush()
	return out, nil
}

// monday returns the Monday on or before d.
func monday(d domain.Date) domain.Date {
	wd := int(d.Time().Weekday()) // Sunday is 0
	return d.AddDays(-((wd + 6) % 7))
}

// Dyads returns the most frequent (source, target) actor code pairs of the
// events f selects, most events first, then by codes. An event counts once
// for each distinct pair of its coded source and target actors.
func (s *Store) Dyads(ctx context.Context, f store.DyadFilter) ([]store.Dyad, error) {
	limit, err := pageLimit(store.Page{Limit: f.Limit})
	if err != nil {
		return nil, err
	}
	l := eventSource(eventSel{Since: f.Since, Until: f.Until, Actor: f.Actor, Country: f.Country}, false)
	q := `SELECT s.code, t.code, count(DISTINCT ` + l.idCol + `) AS n FROM ` + l.from + `
		JOIN event_actors s ON s.event_id = ` + l.idCol + ` AND s.role = 'source'
		JOIN event_actors t ON t.event_id = ` + l.idCol + ` AND t.role = 'target'` + l.w.String() + `
		GROUP BY s.code, t.code ORDER BY n DESC, s.code, t.code LIMIT ` + strconv.Itoa(limit)
	rows, err := s.r.QueryContext(ctx, q, l.w.args...)
	if err != nil {
		return nil, errf("dyads: %w", err)
	}
	defer rows.Close()
	out := []store.Dyad{}
	for rows.Next() {
		var d store.Dyad
		if err := rows.Scan(&d.Source, &d.Target, &d.Count); err != nil {
			return nil, errf("dyads: %w", err)
		}
		out = append(out, d)
	}
	if err := rows.Err(); err != nil {
		return nil, errf("dyads: %w", err)
	}
	return out, nil
}

// Stats counts what the store holds: Articles all stored articles,
// Duplicates the near-duplicates among them.
func (s *Store) Stats(ctx context.Context) (store.Stats, error) {
	var st store.Stats
	err := s.r.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM articles),
		(SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL),
		(SELECT count(*) FROM events),
		(SELECT count(*) FROM claims),
		(SELECT count(*) FROM commitments),
		(SELECT count(*) FROM contradictions),
		(SELECT count(*) FROM mentions)`).Scan(&st.Articles, &st.Duplicates, &st.Events,
		&st.Claims, &st.Commitments, &st.Contradictions, &st.Mentions)
	if err != nil {
		return store.Stats{}, errf("stats: %w", err)
	}
	return st, nil
}
