#!/usr/bin/env bash
# Retrains the NER model shipped in src/main/resources/dev/newswire/tagger/model/ from the shared datasets, the UNER
# EWT train split and CrossNER (fetch-uner-train.sh and fetch-crossner.sh fetch those two first when they are
# missing), and prints the development table. Run from anywhere; takes about two minutes on one core.
#   tagger/scripts/train-model.sh [extra tag-train options]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
[ -f data/ner/en_ewt-ud-train.iob2 ] || tagger/scripts/fetch-uner-train.sh
[ -d data/ner/crossner ] || tagger/scripts/fetch-crossner.sh
shared="${NEWSWIRE_SHARED:-$root/../shared}"
NEWSWIRE_JAVA_OPTS="-Xmx3g -Dnewswire.shared=$shared" exec ./newswire tag-train "$@"
