#!/usr/bin/env bash
# Every output yusuan writes for the samples and the corpus, into one folder, so two commits can
# be compared byte for byte (a speed change must change none of them):
#   Scripts/outputs.sh save DIR       write them with the release build of this checkout
#   Scripts/outputs.sh compare DIR    write them afresh and list every file that differs from DIR
# Paths are given relative to the checkout, so outputs made in two checkouts side by side
# (git worktrees) compare equal. The corpus is ../shared/corpus, skipped where absent.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-}; dir=${2:-}
if [[ -z "$mode" || -z "$dir" || ( "$mode" != save && "$mode" != compare ) ]]; then
  echo "usage: Scripts/outputs.sh save|compare DIR" >&2; exit 2
fi
swift build -c release --product yusuan >/dev/null
bin=$(swift build -c release --show-bin-path)/yusuan
out=$dir; [[ "$mode" == compare ]] && out=$(mktemp -d)
mkdir -p "$out"

run() { # run NAME ARGS…: stdout, stderr and exit code of one call, kept under NAME
  local name=$1; shift
  set +e; "$bin" "$@" >"$out/$name.out" 2>"$out/$name.err"; echo $? >"$out/$name.rc"; set -e
  sed -i "s#$out#OUT#g" "$out/$name.out" "$out/$name.err"   # where the outputs are is not an output
}

samples=(SampleData/*.txt)
corpus=()
[[ -d ../shared/corpus ]] && while IFS= read -r f; do corpus+=("$f"); done \
  < <(find ../shared/corpus -name '*.pdf' | sort)

for f in "${samples[@]}" "${corpus[@]}"; do
  n=$(basename "$f"); n=${n%.*}
  run "parse-$n" parse "$f" --format json
  run "parse-text-$n" parse "$f"
  run "check-$n" check "$f" --format json --no-cache
done
# Prose and tables published as two files: read as one disclosure.
for d in "${corpus[@]}"; do
  [[ "$d" == *-document.pdf ]] || continue
  t=${d%-document.pdf}-tables.pdf
  [[ -f "$t" ]] || continue
  n=$(basename "${d%-document.pdf}")
  run "parse-pair-$n" parse "$d" "$t" --format json
done
run check-samples check SampleData --no-cache
run check-samples-json check SampleData --format json --no-cache
if ((${#corpus[@]})); then
  run check-corpus check ../shared/corpus --no-cache
  run check-corpus-json check ../shared/corpus --format json --no-cache
fi
# Two years of one unit: every sample pair whose names differ only in the year.
for a in "${samples[@]}"; do for b in "${samples[@]}"; do
  [[ "$a" < "$b" && "${a%-*}" == "${b%-*}" ]] || continue
  n=$(basename "${a%-*}")
  run "diff-$n" diff "$a" "$b"
  run "diff-json-$n" diff "$a" "$b" --format json
done; done
run export-csv export SampleData --to "$out/export.csv"
run export-jsonl export SampleData --to "$out/export.jsonl"
run export-folder export SampleData --to "$out/export-folder"

if [[ "$mode" == compare ]]; then
  if diff -r -q "$dir" "$out"; then
    echo "identical: $(find "$out" -type f | wc -l) files"; rm -rf "$out"
  else
    echo "differs (new outputs kept in $out)" >&2; exit 1
  fi
else
  echo "saved $(find "$out" -type f | wc -l) files in $out"
fi
