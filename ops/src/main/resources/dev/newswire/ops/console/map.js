'use strict';
// The article's places on an offline map: an SVG of the world's land outlines (world-land.json, Natural Earth,
// served by the console itself: no tiles, no network) in plain longitude/latitude, zoomed to the places the tagger
// resolved, one dot per place (bigger for more mentions, a ring for countries and regions). Everything is built
// with DOM calls: names from the article become text nodes only.

const SVG_NS = 'http://www.w3.org/2000/svg';
let worldLand = null;
let worldLandLoading = null;

/** Loads the outline once; the maps drawn before it arrives get it when it does. */
function loadWorldLand() {
  if (!worldLandLoading) {
    worldLandLoading = fetch('world-land.json').then(r => (r.ok ? r.json() : null)).then(j => {
      worldLand = j;
      for (const path of document.querySelectorAll('svg.place-map path.land')) path.setAttribute('d', String(j.d || ''));
    }).catch(() => null);
  }
  return worldLandLoading;
}

function svg(tag, attrs) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
  return node;
}

/** The article's entities with a position, as {name, lat, lon, area, approximate, mentions, featureType}. */
function locatedPlaces(article) {
  const out = [];
  for (const e of article.entities || []) {
    if (e.type !== 'LOCATION') continue;
    const lat = Number(e.lat), lon = Number(e.lon);
    if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) continue;
    const area = /^(PCL|ADM1|CONT|RGN|OCN|SEA)/.test(String(e.featureType || ''));
    out.push({ name: String(e.name), lat, lon, area, approximate: e.approximate === true,
      mentions: Number(e.mentionCount) || 1, featureType: e.approximate === true ? '' : String(e.featureType || '') });
  }
  return out;
}

/** The part of the world to show: the places' bounding box, padded, at least 8 by 4 degrees, 2:1. */
function viewOf(places) {
  let minX = 180, maxX = -180, minY = 90, maxY = -90;
  for (const p of places) {
    minX = Math.min(minX, p.lon); maxX = Math.max(maxX, p.lon);
    minY = Math.min(minY, -p.lat); maxY = Math.max(maxY, -p.lat);
  }
  let w = Math.max(8, (maxX - minX) * 1.3 + 4), h = Math.max(4, (maxY - minY) * 1.3 + 4);
  if (w < 2 * h) w = 2 * h; else h = w / 2;
  if (w > 360) { w = 360; h = 180; }
  let x = (minX + maxX) / 2 - w / 2, y = (minY + maxY) / 2 - h / 2;
  x = Math.min(Math.max(x, -180), 180 - w);
  y = Math.min(Math.max(y, -90), 90 - h);
  return { x, y, w, h };
}

/** An SVG map of the article's located places, or null when it has none. */
function placeMap(article) {
  const places = locatedPlaces(article);
  if (!places.length) return null;
  const v = viewOf(places);
  const map = svg('svg', { class: 'place-map', viewBox: [v.x, v.y, v.w, v.h].map(n => n.toFixed(2)).join(' '),
    width: 320, height: 160, role: 'img', 'aria-label': 'Places: ' + places.map(p => p.name).join(', ') });
  map.appendChild(svg('rect', { class: 'sea', x: -180, y: -90, width: 360, height: 180 }));
  const land = svg('path', { class: 'land', d: worldLand ? String(worldLand.d || '') : '' });
  map.appendChild(land);
  if (!worldLand) loadWorldLand();
  const unit = v.w / 320; // one screen pixel in degrees
  for (const p of places) {
    const r = (p.area ? 5 : 3 + Math.min(3, p.mentions - 1)) * unit;
    const dot = svg('circle', { class: 'place' + (p.area ? ' area' : '') + (p.approximate ? ' approximate' : ''), cx: p.lon.toFixed(4), cy: (-p.lat).toFixed(4),
      r: r.toFixed(4), 'stroke-width': (1.5 * unit).toFixed(4), 'data-name': p.name, 'data-feature': p.featureType });
    const title = svg('title');
    title.appendChild(document.createTextNode(p.name + (p.approximate ? ' (approximate: placed at a town the article names)'
      : p.featureType ? ' (' + p.featureType + ')' : '')));
    dot.appendChild(title);
    map.appendChild(dot);
  }
  return map;
}

window.placeMap = placeMap;
