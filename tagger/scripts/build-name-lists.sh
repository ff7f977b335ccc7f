#!/usr/bin/env bash
# Rebuilds lexicon/names.bin.gz, the name lists by category the tagger's features read, from NLP4J's English
# named-entity gazetteers (Maven Central edu.emory.mathcs.nlp:nlp4j-english:1.1.3, Apache-2.0; 1.6 million
# phrases in 16 categories derived from Wikipedia: people, organisations, companies, locations, nationalities,
# works, events, products, ...). NLP4J stores them as a serialised prefix tree of its nlp4j-common 1.1.0 (Apache-2.0),
# which is needed on the classpath only here. Deterministic. Retrain the model afterwards.
# Usage: tagger/scripts/build-name-lists.sh   (needs Maven and xz; writes only that file under tagger/)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
root="$(cd "$here/.." && pwd)"
scratch="${NAMES_SCRATCH:-/tmp/newswire-names}"
mkdir -p "$scratch"
cd "$root"
for artifact in edu.emory.mathcs.nlp:nlp4j-english:1.1.3 edu.emory.mathcs.nlp:nlp4j-common:1.1.0; do
  mvn -B -q dependency:copy -Dartifact="$artifact" -DoutputDirectory="$scratch" -Dmdep.overWriteReleases=false
done
unzip -p "$scratch/nlp4j-english-1.1.3.jar" edu/emory/mathcs/nlp/lexica/en-named-entity-gazetteers-simplified.xz \
  | xz -dc > "$scratch/en-named-entity-gazetteers-simplified.ser"
"$root/newswire" --help >/dev/null # builds the launcher when it is missing or older than the sources
# run from a copy of the launcher, so that a rebuild meanwhile cannot pull it away
rm -rf "$scratch/launcher" && mkdir -p "$scratch/launcher" && cp -r "$root/launcher/target/newswire.jar" "$root/launcher/target/lib" "$scratch/launcher/"
java -Xmx4g -Xss64m -cp "$scratch/launcher/newswire.jar:$scratch/nlp4j-common-1.1.0.jar" \
  dev.newswire.launcher.Newswire tag-names --gazetteers "$scratch/en-named-entity-gazetteers-simplified.ser" \
  --output "$here/src/main/resources/dev/newswire/tagger/lexicon/names.bin.gz"
