// truce dashboard. Reads its data from data-* attributes that the server
// renders (the Content-Security-Policy allows no inline script), draws the
// charts with the vendored ECharts, and keeps every view in the URL.
(function () {
  'use strict';

  var QUADS = [
    { key: '1', name: 'Verbal cooperation', color: '#3b7dd8' },
    { key: '2', name: 'Material cooperation', color: '#2a9d6f' },
    { key: '3', name: 'Verbal conflict', color: '#e09a2b' },
    { key: '4', name: 'Material conflict', color: '#c8412f' },
  ];
  var OTHER = { key: '0', name: 'Unclassified', color: '#8a94a0' };
  var PALETTE = ['#3b7dd8', '#c8412f', '#2a9d6f', '#e09a2b', '#7b5ea7', '#1f9bb5', '#b5527e', '#6b8e23', '#a0522d', '#4b5563'];
  var DAY = 86400000;

  function iso(ms) { return new Date(ms).toISOString().slice(0, 10); }
  function parse(s) { return Date.parse(s + 'T00:00:00Z'); }

  function quadOf(key) {
    for (var i = 0; i < QUADS.length; i++) if (QUADS[i].key === String(key)) return QUADS[i];
    return OTHER;
  }

  // go navigates to the current URL with params changed (empty removes).
  function go(changes) {
    var u = new URL(window.location.href);
    Object.keys(changes).forEach(function (k) {
      if (changes[k]) u.searchParams.set(k, changes[k]); else u.searchParams.delete(k);
    });
    u.searchParams.delete('cursor');
    u.hash = '';
    window.location.assign(u.toString());
  }

  // Filter forms: empty fields are left out of the URL.
  function filterForms() {
    document.querySelectorAll('form[data-filter-form]').forEach(function (form) {
      form.addEventListener('submit', function () {
        form.querySelectorAll('input, select').forEach(function (el) {
          if (el.name && el.value === '') el.disabled = true;
        });
      });
    });
    window.addEventListener('pageshow', function () {
      document.querySelectorAll('form[data-filter-form] [disabled]').forEach(function (el) { el.disabled = false; });
    });
  }

  // timeline draws events per day or week, stacked by group, with a
  // dataZoom brush: picking a period loads the page for that period.
  function timeline(el) {
    var tl = JSON.parse(el.dataset.timeline);
    var step = tl.interval === 'week' ? 7 : 1;
    var min = Infinity, max = -Infinity, groups = [];
    tl.buckets.forEach(function (b) {
      var t = parse(b.start);
      if (t < min) min = t;
      if (t > max) max = t;
      if (groups.indexOf(b.group) < 0) groups.push(b.group);
    });
    var cats = [];
    for (var t = min; t <= max; t += step * DAY) cats.push(iso(t));
    var index = {};
    cats.forEach(function (c, i) { index[c] = i; });
    var defs;
    if (tl.by === 'plover') {
      groups.sort();
      defs = groups.map(function (g, i) { return { key: g, name: g, color: PALETTE[i % PALETTE.length] }; });
    } else {
      defs = QUADS.slice();
      if (groups.some(function (g) { return quadOf(g) === OTHER; })) defs.push(OTHER);
    }
    var series = defs.map(function (d) {
      return { name: d.name, type: 'bar', stack: 'events', barMaxWidth: 28, itemStyle: { color: d.color },
        emphasis: { focus: 'series' }, data: cats.map(function () { return 0; }) };
    });
    tl.buckets.forEach(function (b) {
      var di = 0;
      for (; di < defs.length; di++) if (defs[di].key === b.group || (defs[di] === OTHER && quadOf(b.group) === OTHER)) break;
      if (di < defs.length && b.start in index) series[di].data[index[b.start]] += b.count;
    });
    var chart = echarts.init(el);
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis', renderMode: 'richText', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 44, right: 20, top: 34, bottom: 64 },
      xAxis: { type: 'category', data: cats, axisTick: { alignWithLabel: true } },
      yAxis: { type: 'value', minInterval: 1, name: 'events', nameGap: 8 },
      dataZoom: [
        { type: 'inside', xAxisIndex: 0 },
        { type: 'slider', xAxisIndex: 0, bottom: 8, height: 26, realtime: false, labelFormatter: function (v, s) { return s; } },
      ],
      series: series,
    });
    var timer = null;
    chart.on('datazoom', function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var z = chart.getOption().dataZoom[0];
        var s = Math.max(0, Math.round(z.startValue)), e = Math.min(cats.length - 1, Math.round(z.endValue));
        if (s === 0 && e === cats.length - 1) return;
        var until = step === 7 ? iso(parse(cats[e]) + 6 * DAY) : cats[e];
        go({ since: cats[s], until: until });
      }, 600);
    });
    window.addEventListener('resize', function () { chart.resize(); });
    el.dataset.ready = 'true';
  }

  // The world map is fetched once; iso3 maps a country's name on the map
  // to its code, for links to country pages.
  var worldLoad = null, iso3 = {};
  function loadWorld() {
    if (!worldLoad) {
      worldLoad = fetch(document.body.dataset.world).then(function (r) {
        if (!r.ok) throw new Error('world map: ' + r.status);
        return r.json();
      }).then(function (geo) {
        geo.features.forEach(function (f) { if (f.properties.iso3) iso3[f.properties.name] = f.properties.iso3; });
        echarts.registerMap('world', geo);
      });
    }
    return worldLoad;
  }

  // focus returns the box [minLon, minLat, maxLon, maxLat] around where
  // most events are: the points nearest the events' weighted median that
  // hold 85% of them. A few events far away (talks in Brussels) would
  // otherwise zoom the map out until the conflict is a dot; they stay on
  // the map, a drag away.
  function focus(pts) {
    function median(key) {
      var s = pts.slice().sort(function (a, b) { return a[key] - b[key]; }), half = total / 2, n = 0;
      for (var i = 0; i < s.length; i++) { n += s[i].count; if (n >= half) return s[i][key]; }
      return 0;
    }
    var total = pts.reduce(function (n, p) { return n + p.count; }, 0);
    var mLon = median('lon'), mLat = median('lat');
    var near = pts.slice().sort(function (a, b) {
      return Math.hypot(a.lon - mLon, a.lat - mLat) - Math.hypot(b.lon - mLon, b.lat - mLat);
    });
    var box = [180, 90, -180, -90], n = 0;
    for (var i = 0; i < near.length && n < 0.85 * total; i++) {
      var p = near[i];
      n += p.count;
      box = [Math.min(box[0], p.lon), Math.min(box[1], p.lat), Math.max(box[2], p.lon), Math.max(box[3], p.lat)];
    }
    return box;
  }

  // map places the points on the world map, sized by their number of
  // events and coloured by quad class, zoomed to where they are.
  function map(el) {
    var pts = JSON.parse(el.dataset.points);
    var country = el.dataset.country;
    loadWorld().then(function () {
      var box = focus(pts), minLon = box[0], minLat = box[1], maxLon = box[2], maxLat = box[3];
      var dLon = maxLon - minLon, dLat = maxLat - minLat;
      var zoom = Math.max(1, Math.min(24, 360 / (dLon * 1.8 + 5), 140 / (dLat * 1.8 + 3.5)));
      var defs = QUADS.slice();
      if (pts.some(function (p) { return quadOf(p.quad) === OTHER; })) defs.push(OTHER);
      var series = defs.map(function (d) {
        return {
          name: d.name, type: 'scatter', coordinateSystem: 'geo',
          symbolSize: function (v) { return Math.min(44, 7 + 5 * Math.sqrt(v[2])); },
          itemStyle: { color: d.color, opacity: 0.85, borderColor: '#fff', borderWidth: 1 },
          emphasis: { scale: 1.3 },
          data: pts.filter(function (p) { return quadOf(p.quad) === d; }).map(function (p) {
            return { name: p.name, value: [p.lon, p.lat, p.count], key: p.key, type: p.type, country: p.country };
          }),
        };
      });
      var chart = echarts.init(el);
      chart.setOption({
        animation: false,
        tooltip: { trigger: 'item', renderMode: 'richText', formatter: function (p) {
          if (!p.data || !p.data.key) return p.name || '';
          return p.data.name + (p.data.country ? ' (' + p.data.country + ')' : '') + '\n' +
            p.data.value[2] + ' event' + (p.data.value[2] === 1 ? '' : 's') + (p.data.type ? ', mostly ' + p.data.type : '');
        } },
        legend: { top: 0, data: defs.map(function (d) { return d.name; }) },
        geo: {
          map: 'world', roam: true, center: [(minLon + maxLon) / 2, (minLat + maxLat) / 2], zoom: zoom,
          scaleLimit: { min: 1, max: 60 },
          itemStyle: { areaColor: '#e9edf1', borderColor: '#aab4bf', borderWidth: 0.6 },
          emphasis: { itemStyle: { areaColor: '#dce3ea' }, label: { show: true, color: '#334' } },
          label: { show: false },
          regions: country ? [{ name: country, itemStyle: { areaColor: '#cfdcee', borderColor: '#5b7fb0', borderWidth: 1 } }] : [],
        },
        series: series,
      });
      chart.on('click', function (p) {
        if (p.data && p.data.key) window.location.assign('/places/' + encodeURIComponent(p.data.key));
        else if (p.componentType === 'geo' && iso3[p.name]) window.location.assign('/countries/' + iso3[p.name]);
      });
      window.addEventListener('resize', function () { chart.resize(); });
      el.dataset.ready = 'true';
    }).catch(function (err) {
      el.textContent = 'The map could not be drawn: ' + err.message;
      el.dataset.ready = 'error';
    });
  }

  // On an article, pointing at a record lights its words, and pointing at
  // words lights their record.
  function linkRecords() {
    function light(id, on) {
      document.querySelectorAll('[data-ref="r-' + CSS.escape(id) + '"]').forEach(function (m) { m.classList.toggle('lit', on); });
      var card = document.getElementById('r-' + id);
      if (card) card.classList.toggle('lit', on);
    }
    document.querySelectorAll('[data-record]').forEach(function (card) {
      card.addEventListener('mouseenter', function () { light(card.dataset.record, true); });
      card.addEventListener('mouseleave', function () { light(card.dataset.record, false); });
    });
    document.querySelectorAll('mark[data-ref]').forEach(function (m) {
      var id = m.dataset.ref.slice(2);
      m.addEventListener('mouseenter', function () { light(id, true); });
      m.addEventListener('mouseleave', function () { light(id, false); });
    });
  }

  function start() {
    filterForms();
    linkRecords();
    if (typeof echarts === 'undefined') return;
    document.querySelectorAll('[data-chart="timeline"]').forEach(timeline);
    document.querySelectorAll('[data-chart="map"]').forEach(map);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
