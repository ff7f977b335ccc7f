// Newswire console. Everything shown comes from crawled pages and is untrusted: this file builds the page with
// createElement/textContent only, never innerHTML with data, and opens links only when they are http(s).
'use strict';

const REFRESH_MS = 2000;
let latestSeq = -1;

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (k === 'class') e.className = v; else e.setAttribute(k, v);
    }
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    e.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
  return e;
}

function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
}

function safeLink(url, text) {
  // javascript:, data: and the like would run code on click: only real web addresses become links
  if (typeof url === 'string' && /^https?:\/\//i.test(url)) {
    return el('a', { href: url, target: '_blank', rel: 'noopener noreferrer nofollow' }, text);
  }
  return el('span', null, text);
}

// A console bound to a non-loopback address needs a bearer token for its API: open it once as
// http://HOST:8471/#token=TOKEN; the token is kept for this tab only and taken out of the address bar.
const TOKEN = (() => {
  const m = location.hash.match(/(?:^#|&)token=([^&]+)/);
  if (m) {
    sessionStorage.setItem('newswire.token', decodeURIComponent(m[1]));
    history.replaceState(null, '', location.pathname + location.search);
  }
  return sessionStorage.getItem('newswire.token');
})();

async function getJson(path) {
  const headers = TOKEN ? { Authorization: 'Bearer ' + TOKEN } : {};
  const res = await fetch(path, { cache: 'no-store', headers });
  if (res.status === 401) throw new Error('this console needs a token: open it as ' + location.origin + '/#token=YOUR_TOKEN');
  if (!res.ok) {
    let message = 'HTTP ' + res.status;
    try { message = (await res.json()).error || message; } catch (e) { /* not JSON */ }
    throw new Error(message);
  }
  return res.json();
}

function fmtTime(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return isNaN(d) ? String(iso) : d.toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
}

// ---- articles -------------------------------------------------------------------------------------------

/** The article text as text nodes, with every mention wrapped in a <mark> of its entity type. */
function highlightedText(article) {
  const text = String(article.text || '');
  const spans = [];
  for (const e of article.entities || []) {
    const type = String(e.type || 'MISC').toLowerCase();
    for (const m of e.mentions || []) {
      const [start, end] = m;
      if (Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end <= text.length && start < end) {
        spans.push({ start, end, type, name: String(e.name || '') });
      }
    }
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const out = el('p', { class: 'article-text' });
  let pos = 0;
  for (const s of spans) {
    if (s.start < pos) continue; // overlapping mention: the first one wins
    if (s.start > pos) out.appendChild(document.createTextNode(text.slice(pos, s.start)));
    const known = ['person', 'location', 'organization'].includes(s.type) ? s.type : 'misc';
    out.appendChild(el('mark', { class: 'entity ' + known, title: s.name }, text.slice(s.start, s.end)));
    pos = s.end;
  }
  if (pos < text.length) out.appendChild(document.createTextNode(text.slice(pos)));
  if (article.textCut) out.appendChild(document.createTextNode(' …'));
  return out;
}

function names(article, type) {
  return (article.entities || []).filter(e => e.type === type).slice(0, 8).map(e => String(e.name)).join(', ');
}

function renderArticle(a) {
  const flagged = a.pageKind && a.pageKind !== 'article';
  const box = el('article', { class: 'article' + (flagged ? ' flagged' : ''), 'data-id': String(a.id || '') });
  box.appendChild(el('h3', { class: 'article-title' }, safeLink(a.url, String(a.title || '(no title)'))));
  const meta = [fmtTime(a.publishedAt || a.fetchedAt), String(a.host || ''), a.language ? '[' + a.language + ']' : '',
    flagged ? 'flagged: ' + a.pageKind : '', String(a.position || '')].filter(Boolean).join(' · ');
  box.appendChild(el('div', { class: 'article-meta' }, meta));
  const people = names(a, 'PERSON');
  const places = names(a, 'LOCATION');
  if (people) box.appendChild(el('div', { class: 'article-meta people' }, 'People: ' + people));
  if (places) box.appendChild(el('div', { class: 'article-meta places' }, 'Places: ' + places));
  const map = window.placeMap ? window.placeMap(a) : null; // map.js: the article's places on an offline map
  if (map) box.appendChild(map);
  box.appendChild(highlightedText(a));
  return box;
}

async function refreshArticles() {
  const data = await getJson('api/live/articles?limit=30');
  if (data.latestSeq === latestSeq) return;
  latestSeq = data.latestSeq;
  const feed = document.getElementById('feed');
  clear(feed);
  if (!data.articles.length) {
    feed.appendChild(el('p', { class: 'muted empty' }, 'No articles yet.'));
    return;
  }
  for (const a of data.articles) feed.appendChild(renderArticle(a));
}

// ---- status ---------------------------------------------------------------------------------------------

async function refreshStatus() {
  const s = await getJson('api/status');
  const line = document.getElementById('status-line');
  if (s.state !== 'ok') {
    line.textContent = s.state === 'error' ? 'Kafka: ' + String(s.error || 'unreachable') : 'connecting…';
    line.className = s.state === 'error' ? 'error' : 'muted';
  } else {
    line.textContent = 'Kafka ' + s.bootstrap + ' · ' + s.brokers + ' broker(s) · updated ' + fmtTime(s.at);
    line.className = 'muted';
    renderTopics(s.topics || []);
    renderGroups(s.groups || []);
  }
  const store = document.getElementById('store-line');
  if (s.store) {
    store.textContent = s.store.error ? 'store: ' + s.store.error
      : 'stored articles: ' + s.store.articles + ' (' + s.store.lastHour + ' in the last hour)';
  }
}

function renderTopics(topics) {
  const body = document.querySelector('#topics tbody');
  clear(body);
  for (const t of topics) {
    body.appendChild(el('tr', { 'data-topic': t.name },
      el('td', null, t.name),
      el('td', { class: 'num' }, t.exists ? t.partitions : 'missing'),
      el('td', { class: 'num' }, (t.endOffsets || []).join(' ')),
      el('td', { class: 'num' }, t.lastMinute),
      el('td', { class: 'num' }, Number(t.perSecond).toFixed(2))));
  }
}

function renderGroups(groups) {
  const body = document.querySelector('#groups tbody');
  clear(body);
  for (const g of groups) {
    const byTopic = {};
    for (const p of g.partitions || []) (byTopic[p.topic] = byTopic[p.topic] || []).push(p);
    const topics = Object.keys(byTopic).sort();
    if (!topics.length) topics.push(null);
    topics.forEach((topic, i) => {
      const parts = topic ? byTopic[topic] : [];
      const total = parts.reduce((n, p) => n + p.lag, 0);
      body.appendChild(el('tr', { 'data-group': g.groupId },
        el('td', null, i === 0 ? g.groupId : ''),
        el('td', { class: 'state-' + g.state }, i === 0 ? g.state : ''),
        el('td', { class: 'num' }, i === 0 ? g.members : ''),
        el('td', null, topic || '-'),
        el('td', null, parts.map(p => p.partition + ':' + p.lag).join(' ') || 'no committed offsets'),
        el('td', { class: 'num ' + (total === 0 ? 'lag-zero' : 'lag-some') }, topic ? total : '-')));
    });
  }
}

// ---- throughput charts ----------------------------------------------------------------------------------

function drawChart(canvas, points) {
  const ctx = canvas.getContext('2d');
  const w = canvas.width, h = canvas.height, pad = 4;
  ctx.clearRect(0, 0, w, h);
  const max = Math.max(1, ...points.map(p => p[1]));
  ctx.fillStyle = '#6b7280';
  ctx.font = '10px sans-serif';
  ctx.fillText('max ' + max.toFixed(1) + '/s', pad, 11);
  if (points.length < 2) {
    ctx.fillText('collecting…', pad, h - 6);
    return;
  }
  const t0 = points[0][0], t1 = points[points.length - 1][0];
  const x = t => pad + (w - 2 * pad) * (t - t0) / Math.max(1, t1 - t0);
  const y = v => h - pad - (h - 16 - pad) * v / max;
  ctx.beginPath();
  ctx.moveTo(x(points[0][0]), h - pad);
  for (const [t, v] of points) ctx.lineTo(x(t), y(v));
  ctx.lineTo(x(t1), h - pad);
  ctx.closePath();
  ctx.fillStyle = 'rgba(37, 99, 235, 0.15)';
  ctx.fill();
  ctx.beginPath();
  points.forEach(([t, v], i) => (i ? ctx.lineTo(x(t), y(v)) : ctx.moveTo(x(t), y(v))));
  ctx.strokeStyle = '#2563eb';
  ctx.lineWidth = 1.5;
  ctx.stroke();
  canvas.setAttribute('data-points', String(points.length));
}

async function refreshThroughput() {
  const data = await getJson('api/throughput');
  for (const canvas of document.querySelectorAll('#throughput canvas')) {
    drawChart(canvas, (data.topics || {})[canvas.dataset.topic] || []);
  }
}

// ---- entities -------------------------------------------------------------------------------------------

async function refreshEntities() {
  const data = await getJson('api/live/entities?limit=10');
  for (const kind of ['people', 'places', 'organizations']) {
    const list = document.getElementById('top-' + kind);
    clear(list);
    for (const e of data[kind] || []) list.appendChild(el('li', null, String(e.name) + ' ', el('span', { class: 'muted' }, '(' + e.articles + ')')));
  }
}

// ---- dead letters ---------------------------------------------------------------------------------------

async function refreshDeadLetters() {
  const select = document.getElementById('dlq-reason');
  const reason = select.value;
  const data = await getJson('api/deadletters?limit=100' + (reason ? '&reason=' + encodeURIComponent(reason) : ''));
  document.getElementById('dlq-total').textContent = data.total + ' in all';
  const known = new Set([...select.options].map(o => o.value));
  for (const [r, n] of Object.entries(data.reasons || {})) {
    if (!known.has(r)) select.appendChild(el('option', { value: r }, r));
    for (const o of select.options) if (o.value === r) o.textContent = r + ' (' + n + ')';
  }
  const body = document.querySelector('#dead-letters tbody');
  clear(body);
  for (const d of data.items || []) {
    body.appendChild(el('tr', { 'data-position': String(d.position) },
      el('td', null, String(d.position)),
      el('td', null, fmtTime(d.timestamp)),
      el('td', null, String(d.reason)),
      el('td', null, String(d.stage || '')),
      el('td', null, String(d.source || '')),
      el('td', null, d.url ? safeLink(d.url, String(d.url)) : String(d.key || '')),
      el('td', null, String(d.message || ''))));
  }
}

// ---- search over the store ------------------------------------------------------------------------------

const search = { params: null, next: null };

function searchParams() {
  const p = new URLSearchParams();
  const q = document.getElementById('search-q').value.trim();
  const entity = document.getElementById('search-entity').value.trim();
  const since = document.getElementById('search-since').value;
  if (q) p.set('q', q);
  if (entity) p.set('entity', entity);
  if (since) p.set('since', since);
  return p;
}

function entityChip(e) {
  const type = String(e.type || 'MISC').toLowerCase();
  const known = ['person', 'location', 'organization'].includes(type) ? type : 'misc';
  const b = el('button', { type: 'button', class: 'chip ' + known, title: String(e.id || e.type || '') }, String(e.name));
  b.addEventListener('click', () => chooseEntity(String(e.id || e.name), String(e.name)));
  return b;
}

function renderResult(a) {
  const box = el('article', { class: 'result', 'data-id': String(a.id || '') });
  box.appendChild(el('h3', { class: 'article-title' }, safeLink(a.url, String(a.title || '(no title)'))));
  const meta = [fmtTime(a.publishedAt), String(a.host || ''), a.language ? '[' + a.language + ']' : '',
    a.duplicateOf ? 'copy' : ''].filter(Boolean).join(' · ');
  box.appendChild(el('div', { class: 'article-meta' }, meta));
  if (a.snippet) box.appendChild(el('p', { class: 'result-snippet' }, String(a.snippet)));
  const chips = el('div', { class: 'result-entities' });
  for (const e of (a.entities || []).slice(0, 12)) chips.appendChild(entityChip(e));
  box.appendChild(chips);
  return box;
}

async function runSearch(more) {
  const summary = document.getElementById('search-summary');
  const results = document.getElementById('search-results');
  const moreButton = document.getElementById('search-more');
  if (!more) {
    search.params = searchParams();
    search.next = null;
    history.replaceState(null, '', location.pathname + (search.params.toString() ? '?' + search.params : ''));
  }
  const p = new URLSearchParams(search.params);
  p.set('limit', '20');
  if (more && search.next) p.set('cursor', search.next);
  try {
    const [page, facets] = await Promise.all([getJson('api/articles?' + p),
      more ? null : getJson('api/entities/top?limit=30&' + search.params)]);
    if (!more) {
      clear(results);
      renderFacets(facets.entities || []);
    }
    for (const a of page.articles) results.appendChild(renderResult(a));
    search.next = page.next;
    moreButton.hidden = !page.next;
    const shown = results.querySelectorAll('.result').length;
    const q = search.params.get('q');
    const entity = search.params.get('entity');
    summary.textContent = shown + (page.next ? '+' : '') + ' article' + (shown === 1 ? '' : 's')
      + (q ? ' for “' + q + '”' : '') + (entity ? ' mentioning ' + entity : '');
    summary.className = 'muted';
    document.body.setAttribute('data-searched', String(shown));
  } catch (e) {
    summary.textContent = 'search failed: ' + e.message;
    summary.className = 'error';
    document.body.setAttribute('data-searched', 'error');
  }
}

function renderFacets(entities) {
  for (const type of ['person', 'location', 'organization']) {
    const list = document.getElementById('facet-' + type);
    clear(list);
    for (const e of entities.filter(x => String(x.type).toLowerCase() === type).slice(0, 8)) {
      const b = el('button', { type: 'button', class: 'facet', title: String(e.id || '') }, String(e.name));
      b.addEventListener('click', () => {
        document.getElementById('search-entity').value = String(e.id || e.name);
        runSearch(false);
        chooseEntity(String(e.id || e.name), String(e.name));
      });
      list.appendChild(el('li', null, b, ' ', el('span', { class: 'muted' }, '(' + e.articles + ')')));
    }
  }
}

// ---- attention over time --------------------------------------------------------------------------------

const attention = { entity: null, label: null };

function chooseEntity(entity, label) {
  attention.entity = entity;
  attention.label = label;
  refreshAttention();
}

async function refreshAttention() {
  if (!attention.entity) return;
  const box = document.getElementById('attention');
  const bucket = document.getElementById('attention-bucket').value;
  const p = new URLSearchParams({ entity: attention.entity, bucket });
  const since = (search.params && search.params.get('since')) || '';
  if (since) p.set('since', since);
  box.hidden = false;
  document.getElementById('attention-entity').textContent = attention.label || attention.entity;
  const range = document.getElementById('attention-range');
  try {
    const t = await getJson('api/entities/timeline?' + p);
    drawAttention(document.getElementById('attention-chart'), t.points || [], bucket);
    range.textContent = t.points.length ? fmtTime(t.since) + ' – ' + fmtTime(t.until) + ' · '
      + t.points.reduce((n, x) => n + x.articles, 0) + ' articles, '
      + t.points.reduce((n, x) => n + x.mentions, 0) + ' mentions' : 'no mentions';
    range.className = 'muted small';
    const body = document.querySelector('#attention-table tbody');
    clear(body);
    for (const x of t.points.filter(x => x.articles > 0)) {
      body.appendChild(el('tr', null, el('td', null, fmtTime(x.t)), el('td', { class: 'num' }, x.articles), el('td', { class: 'num' }, x.mentions)));
    }
  } catch (e) {
    range.textContent = 'timeline failed: ' + e.message;
    range.className = 'error';
  }
}

/** Bars of articles per bucket, with the mentions as a line over them. */
function drawAttention(canvas, points, bucket) {
  const ctx = canvas.getContext('2d');
  const w = canvas.width, h = canvas.height, left = 34, bottom = 18, top = 10;
  ctx.clearRect(0, 0, w, h);
  canvas.setAttribute('data-points', String(points.length));
  canvas.setAttribute('data-articles', String(points.reduce((n, p) => n + p.articles, 0)));
  ctx.font = '10px sans-serif';
  ctx.fillStyle = '#6b7280';
  if (!points.length) {
    ctx.fillText('no mentions', left, h / 2);
    return;
  }
  const max = Math.max(1, ...points.map(p => p.articles));
  const maxM = Math.max(1, ...points.map(p => p.mentions));
  const step = (w - left - 4) / points.length;
  const y = v => h - bottom - (h - bottom - top) * v / max;
  ctx.fillText(String(max), 4, top + 8);
  ctx.fillText('0', 4, h - bottom);
  ctx.fillStyle = 'rgba(37, 99, 235, 0.55)';
  points.forEach((p, i) => {
    const bar = Math.min(48, Math.max(1, step - 1));
    if (p.articles > 0) ctx.fillRect(left + i * step + (step - bar) / 2, y(p.articles), bar, h - bottom - y(p.articles));
  });
  ctx.beginPath();
  points.forEach((p, i) => {
    const px = left + i * step + step / 2, py = h - bottom - (h - bottom - top) * p.mentions / maxM;
    i ? ctx.lineTo(px, py) : ctx.moveTo(px, py);
  });
  ctx.strokeStyle = '#b45309';
  ctx.lineWidth = 1.2;
  ctx.stroke();
  ctx.fillStyle = '#6b7280';
  const label = iso => bucket === 'hour' ? fmtTime(iso).slice(0, 16) : fmtTime(iso).slice(0, 10);
  ctx.fillText(label(points[0].t), left, h - 4);
  const last = label(points[points.length - 1].t);
  ctx.fillText(last, w - 4 - ctx.measureText(last).width, h - 4);
  ctx.strokeStyle = '#e5e7eb';
  ctx.beginPath();
  ctx.moveTo(left, h - bottom + 0.5);
  ctx.lineTo(w, h - bottom + 0.5);
  ctx.stroke();
}

// ---- loop -----------------------------------------------------------------------------------------------

async function refreshAll() {
  const jobs = [refreshArticles(), refreshStatus(), refreshThroughput(), refreshEntities(), refreshDeadLetters()];
  const results = await Promise.allSettled(jobs);
  const failed = results.find(r => r.status === 'rejected');
  if (failed) {
    const line = document.getElementById('status-line');
    line.textContent = 'console unreachable: ' + failed.reason;
    line.className = 'error';
  }
  document.body.setAttribute('data-refreshed', String(Date.now()));
}

document.addEventListener('DOMContentLoaded', () => {
  document.getElementById('dlq-reason').addEventListener('change', () => refreshDeadLetters());
  document.getElementById('search-form').addEventListener('submit', ev => {
    ev.preventDefault();
    runSearch(false);
    const entity = document.getElementById('search-entity').value.trim();
    if (entity) chooseEntity(entity, entity);
  });
  document.getElementById('search-more').addEventListener('click', () => runSearch(true));
  document.getElementById('attention-bucket').addEventListener('change', () => refreshAttention());
  // a search in the address (?q=…&entity=…&since=…) runs on load, so that searches can be linked to
  const initial = new URLSearchParams(location.search);
  if (initial.has('q') || initial.has('entity')) {
    document.getElementById('search-q').value = initial.get('q') || '';
    document.getElementById('search-entity').value = initial.get('entity') || '';
    const since = initial.get('since') || '';
    const select = document.getElementById('search-since');
    if (since && ![...select.options].some(o => o.value === since)) select.appendChild(el('option', { value: since }, since));
    select.value = since;
    runSearch(false);
    if (initial.get('entity')) chooseEntity(initial.get('entity'), initial.get('entity'));
  }
  refreshAll();
  setInterval(refreshAll, REFRESH_MS);
});
