#!/usr/bin/env bash
# Rebuilds the console's offline world map, src/main/resources/dev/newswire/ops/console/world-land.json: the land
# outlines of Natural Earth's 1:110m map (public domain) from the npm package world-atlas 2.0.2 (ISC), as one SVG
# path in plain longitude/latitude (x = longitude, y = -latitude, 0.1 degree steps), for map.js to draw article
# places on without any tile server. Usage: ops/scripts/build-world-map.sh (needs node + npm; writes nothing else).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
scratch="${MAP_SCRATCH:-/tmp/newswire-world-map}"
mkdir -p "$scratch"
( cd "$scratch" && [ -f package.json ] || npm init -y >/dev/null )
( cd "$scratch" && [ -d node_modules/world-atlas ] || npm install --no-audit --no-fund world-atlas@2.0.2 >/dev/null )
( cd "$scratch" && node -e '
const fs = require("fs");
const topo = JSON.parse(fs.readFileSync("node_modules/world-atlas/land-110m.json", "utf8"));
const t = topo.transform;
const arcs = topo.arcs.map(arc => { let x = 0, y = 0; return arc.map(p => { x += p[0]; y += p[1];
  return [x * t.scale[0] + t.translate[0], y * t.scale[1] + t.translate[1]]; }); });
const ring = idx => idx.flatMap((i, k) => { const a = i < 0 ? arcs[~i].slice().reverse() : arcs[i]; return k ? a.slice(1) : a; });
const r = v => (Math.round(v * 10) / 10).toString();
let d = "";
for (const g of topo.objects.land.geometries) {
  const polys = g.type === "Polygon" ? [g.arcs] : g.arcs;
  for (const p of polys) for (const rg of p) {
    const pts = ring(rg);
    let last = "";
    pts.forEach((q, k) => { const s = r(q[0]) + " " + r(-q[1]); if (s !== last) { d += (k ? "L" : "M") + s; last = s; } });
    d += "Z";
  }
}
process.stdout.write(JSON.stringify({
  source: "Natural Earth 1:110m land (public domain) via world-atlas 2.0.2; ops/scripts/build-world-map.sh",
  viewBox: [-180, -90, 360, 180], d }) + "\n");
' ) > "$here/src/main/resources/dev/newswire/ops/console/world-land.json"
ls -la "$here/src/main/resources/dev/newswire/ops/console/world-land.json"
