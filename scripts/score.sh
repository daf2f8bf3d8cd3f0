#!/bin/sh
# score.sh SET [FROM TO] — parse the pages of ../shared/corpus/SET (NAME.txt)
# with dubao parse and print paperscore's summary against their gold.
# FROM/TO pick gen pages by number (train: 1 200, validation: 201 240).
# SET may also be a folder of NAME.txt and NAME.gold.json (made pages).
# Set KEEP=DIR to keep the predictions there, EXT=pdf to parse NAME.pdf.
set -e
here=$(cd "$(dirname "$0")/.." && pwd)
corpus=$here/../shared/corpus
set=$1; from=${2:-0}; to=${3:-9999}
dir=$corpus/$set
case $set in */*) dir=$set ;; esac
bin=${BIN:-/tmp/dubao-parser}
[ -n "$NOBUILD" ] || (cd "$here" && go build -o "$bin" ./cmd/dubao)
pred=${KEEP:-$(mktemp -d)}; gold=$(mktemp -d)
mkdir -p "$pred"
ext=${EXT:-txt}
for t in "$dir"/*."$ext"; do
  name=$(basename "$t" ."$ext")
  n=$(echo "$name" | sed -n 's/^g0*\([0-9][0-9]*\)$/\1/p')
  if [ -n "$n" ] && { [ "$n" -lt "$from" ] || [ "$n" -gt "$to" ]; }; then continue; fi
  [ -f "$dir/$name.gold.json" ] || continue
  ln -s "$dir/$name.gold.json" "$gold/$name.gold.json"
  "$bin" parse "$t" > "$pred/$name.json" 2>/dev/null || echo '{"articles":[]}' > "$pred/$name.json"
done
"$here/../shared/tools/paperscore" "$gold" "$pred" | tail -1
rm -rf "$gold"; [ -n "$KEEP" ] || rm -rf "$pred"
