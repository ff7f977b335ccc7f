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

async function getJson(path) {
  const res = await fetch(path, { cache: 'no-store' });
  if (!res.ok) throw new Error(path + ': HTTP ' + res.status);
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
  const data = await getJson('api/articles?limit=30');
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
  const data = await getJson('api/entities?limit=10');
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
  refreshAll();
  setInterval(refreshAll, REFRESH_MS);
});
