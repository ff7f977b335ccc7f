#!/usr/bin/env bash
# Puts CrossNER's sentences (Liu et al., "CrossNER: Evaluating Cross-Domain Named Entity Recognition", AAAI 2021;
# zliucr/CrossNER, MIT licence; sentences from Wikipedia, CC BY-SA) where tag-train reads them:
# data/ner/crossner/<domain>/<split>.txt (git-ignored, never committed). Five domains (politics, natural science,
# music, literature, AI), 5,327 sentences with fine-grained types; tag-train reads their people, places and
# organisations (ConllFormat.Format.CROSSNER). Its CoNLL-2003 copy is not taken.
# Usage: tagger/scripts/fetch-crossner.sh [GIT_DIR | URL]
#   default URL https://github.com/zliucr/CrossNER.git; a local clone or bare mirror works too.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
source="${1:-https://github.com/zliucr/CrossNER.git}"
commit=2e7ba2a7798c961e3f29fbc51252c5a8d40224bf
sha256=d20ee08ef8f15ebc661d051765616a4a831d5f5f99fc1d45db5a399d190cf3b8
out="$root/data/ner/crossner"
. "$root/tagger/scripts/git-source.sh"
gitdir="$(git_dir_of "$source")"
rm -rf "$out.part" && mkdir -p "$out.part"
for domain in politics science music literature ai; do
  mkdir -p "$out.part/$domain"
  for split in train dev test; do
    git --git-dir "$gitdir" show "$commit:ner_data/$domain/$split.txt" > "$out.part/$domain/$split.txt"
  done
done
actual="$(cd "$out.part" && find . -name '*.txt' | sort | xargs sha256sum | sha256sum | cut -d' ' -f1)"
[ "$actual" = "$sha256" ] || { echo "CrossNER files differ from the expected ones (sha256 $actual)" >&2; exit 1; }
rm -rf "$out" && mv "$out.part" "$out"
echo "wrote $out"
