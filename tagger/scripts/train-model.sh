#!/usr/bin/env bash
# Retrains the NER model shipped in src/main/resources/dev/newswire/tagger/model/ from the shared datasets
# and prints dev-split scores. Run from anywhere; takes well under a minute on one core.
#   tagger/scripts/train-model.sh [extra tag-train options]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
shared="${NEWSWIRE_SHARED:-$root/../shared}"
NEWSWIRE_JAVA_OPTS="-Xmx3g -Dnewswire.shared=$shared" exec ./newswire tag-train "$@"
