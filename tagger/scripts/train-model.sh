#!/usr/bin/env bash
# Retrains the NER model shipped in src/main/resources/dev/newswire/tagger/model/ from the shared datasets
# and prints dev-split scores. Run from anywhere; takes well under a minute on one core.
#   tagger/scripts/train-model.sh [extra tag-train options]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
mvn -B -q -pl tagger compile dependency:build-classpath -Dmdep.outputFile="$root/tagger/target/tagger.classpath"
cp="tagger/target/classes:$(cat tagger/target/tagger.classpath)"
shared="${NEWSWIRE_SHARED:-$root/../shared}"
java -Xmx3g -Dnewswire.shared="$shared" -cp "$cp" dev.newswire.tagger.cli.TaggerCli tag-train "$@"
