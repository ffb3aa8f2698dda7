#!/usr/bin/env bash
# End-to-end test of the browser under tmux (run by .ci/run after `swift test`: tmux must not be
# driven from inside `swift test`). Prints "N passed, N failed".
set -u
cd "$(dirname "$0")/../.."
bin="$(swift build --show-bin-path)/yusuan"
[ -x "$bin" ] || swift build >/dev/null
sock="yusuan-e2e-$$"
tm() { tmux -L "$sock" -f /dev/null "$@"; }
passed=0; failed=0
cleanup() { tm kill-server >/dev/null 2>&1 || true; }
trap cleanup EXIT

# wait_for TEXT: poll the screen until TEXT appears (10 s at most).
wait_for() {
  for _ in $(seq 1 100); do
    if tm capture-pane -p -t e2e | grep -qF -- "$1"; then return 0; fi
    sleep 0.1
  done
  return 1
}
check() {
  if wait_for "$2"; then passed=$((passed + 1)); echo "ok   $1"
  else failed=$((failed + 1)); echo "FAIL $1 (expected: $2)"; tm capture-pane -p -t e2e | sed 's/^/     | /'; fi
}
keys() { tm send-keys -t e2e "$@"; }

tm new-session -d -s e2e -x 120 -y 40 "env LANG=C.UTF-8 $bin SampleData; echo \"EXIT:\$?\"; sleep 30"
tm set-option -t e2e remain-on-exit on >/dev/null

check "library lists the samples" "喀什市社会保险中心"
# Kashgar is the fourth document (units sorted by name, newest year first).
keys Down Down Down Enter
check "Kashgar document opens" "新疆维吾尔自治区喀什地区喀什市社会保险中心 2023 部门预算"
keys Down Down Down Enter
check "支出总体 shows 208 with 9,509.12" "208       社会保障和就业支出                      9,509.12"
keys e
check "e jumps to a finding" "1/"
keys q
check "q returns to the outline" "▶表3 支出总体"
keys /
tm send-keys -t e2e -l "绩效"
keys Enter Enter Enter
check "a performance sheet opens" "资金（万元） 总额 259.20"
keys q q
keys /
tm send-keys -t e2e -l "项目支出"
keys Enter Enter /
tm send-keys -t e2e -l "运转保障"
keys Enter
check "search finds a project" "› 运转保障项目"
keys q q q
check "quits with status 0" "EXIT:0"
# The terminal is restored: the alternate screen is gone and nothing of the browser remains.
if ! tm capture-pane -p -t e2e | grep -qF "F 全部问题"; then passed=$((passed + 1)); echo "ok   terminal restored"
else failed=$((failed + 1)); echo "FAIL terminal not restored"; fi

# Compare: the first unit has two years; d compares them.
tm kill-session -t e2e
tm new-session -d -s e2e -x 120 -y 40 "env LANG=C.UTF-8 $bin SampleData; echo \"EXIT:\$?\"; sleep 30"
check "library groups the two years" "克孜勒苏柯尔克孜自治州社会保险中心（2 年）"
keys d
check "d compares 2022 with 2026" "比较 克孜勒苏柯尔克孜自治州社会保险中心 2022 → 2026"
keys Down Down Enter
check "支出总体 in both years" "社会保险经办机构         325.07    387.00    +61.93   +19.1%"
check "the title says the scopes differ and 4 years lie between" "⚠范围不同（单位→部门）·相隔 4 年"
# At 200 columns the title has room for the item and the line as well.
tm resize-window -t e2e -x 200 -y 50
keys ]
check "] goes to the next change" "› 20801"
keys u
check "u hides unchanged lines" "仅变动行"
keys o
check "o ranks by absolute change" "按变动额排序"
check "the ranked column carries the arrow" "变动↓"
keys o
check "o again ranks by relative change" "%↓"
keys o q q q
check "quits from compare with status 0" "EXIT:0"

# Two units: mark Kashgar (m), d on Akto; each side named with its own unit and year.
tm kill-session -t e2e
tm new-session -d -s e2e -x 120 -y 40 "env LANG=C.UTF-8 $bin SampleData; echo \"EXIT:\$?\"; sleep 30"
check "library lists Akto" "阿克陶县社会保险中心"
keys Down Down Down m Down d
check "the title names both units" "比较 喀什市社会保险中心 2023 → 阿克陶县社会保险中心 2024"
check "and says they differ" "⚠单位不同·部门→单位"
keys Enter
check "表1 keeps income apart from expense" "支 208"
keys q q q q
check "quits from a two-unit compare with status 0" "EXIT:0"

# A finding in two places: names.code between 表一 and 表四 of 克孜勒苏 2022; Tab goes across.
tm kill-session -t e2e
tm new-session -d -s e2e -x 80 -y 24 "env LANG=C.UTF-8 $bin SampleData; echo \"EXIT:\$?\"; sleep 30"
check "library at 80x24" "阿克陶县"
keys Down Enter G Enter /
tm send-keys -t e2e -l "207 在"
keys Enter Enter
check "Enter goes to the first place" "第 1/2 处：表一 207；Tab 到 表四 207"
keys Tab
check "Tab goes to the other" "第 2/2 处：表四 207；Tab 到 表一 207"
keys q q q q
check "quits after a two-place finding with status 0" "EXIT:0"

# The workbook: a reader that is not ours opens it (skipped without openpyxl).
xlsx="$(mktemp -d)/samples.xlsx"
"$bin" export SampleData --to "$xlsx" 2>/dev/null
if python3 -c 'import openpyxl' 2>/dev/null; then
  if python3 -c 'import openpyxl,sys; wb=openpyxl.load_workbook(sys.argv[1]); assert wb.sheetnames[0]=="问题" and len(wb.sheetnames)>40' "$xlsx"; then
    passed=$((passed + 1)); echo "ok   export --to FILE.xlsx opens in openpyxl"
  else failed=$((failed + 1)); echo "FAIL export --to FILE.xlsx does not open in openpyxl"; fi
else echo "skip export --to FILE.xlsx read-back (no openpyxl)"; fi
rm -rf "$(dirname "$xlsx")"

# Robustness: a document crafted to attack the terminal, a tiny window, resize storms,
# signals and a crash, a non-UTF-8 locale.
tm kill-session -t e2e
work="$(mktemp -d)"
evil="$work/evil"$'\e'"]0;PWNED"$'\a'".txt"
sed -e "s/社会保险中心/社会"$'\e'"[2J"$'\e'"]2;PWNED"$'\a'$'\b'"保险中心/" SampleData/kizilsu-prefecture-social-insurance-2022.txt > "$evil"
out="$("$bin" check "$evil" 2>&1; "$bin" parse "$evil" 2>&1; "$bin" diff "$evil" SampleData/kizilsu-prefecture-social-insurance-2026.txt 2>&1)"
if printf '%s' "$out" | LC_ALL=C grep -q $'[\x01-\x08\x0b-\x1f\x7f]'; then failed=$((failed + 1)); echo "FAIL check/parse/diff printed a control character"
else passed=$((passed + 1)); echo "ok   check/parse/diff print no control character"; fi
# Two years each published as prose and tables: diff takes the four files.
js=../shared/corpus/jiangsu/js-party-committee-office
if [ -f "$js-2019-tables.pdf" ] && command -v pdftotext >/dev/null; then
  out="$("$bin" diff "$js-2018-document.pdf" "$js-2018-tables.pdf" "$js-2019-document.pdf" "$js-2019-tables.pdf" 2>&1)"
  if printf '%s' "$out" | grep -qF "机关运行经费支出                    2,094.58    2,232.91     +138.33"; then
    passed=$((passed + 1)); echo "ok   diff reads each year's prose with its tables"
  else failed=$((failed + 1)); echo "FAIL diff of four files"; printf '%s\n' "$out" | head -20; fi
  out="$("$bin" diff "$js-2018-document.pdf" "$js-2019-document.pdf" 2>&1 >/dev/null)"
  if printf '%s' "$out" | grep -qF "holds no tables"; then passed=$((passed + 1)); echo "ok   diff says a prose file holds no tables"
  else failed=$((failed + 1)); echo "FAIL diff of prose files gave no note: $out"; fi
else echo "skip diff of the Jiangsu pairs: needs ../shared/corpus and pdftotext"; fi
tm new-session -d -s e2e -x 120 -y 40 "env LANG=C.UTF-8 $bin '$evil'; echo \"EXIT:\$?\"; sleep 30"
tm set-option -t e2e remain-on-exit on >/dev/null
check "the crafted document opens, its escapes shown as text" "社会[2J]2;PWNED保险中心"
title="$(tm display-message -p -t e2e '#{pane_title}')"
if [ "${title#*PWNED}" = "$title" ]; then passed=$((passed + 1)); echo "ok   the document cannot set the terminal title"
else failed=$((failed + 1)); echo "FAIL the document set the title: $title"; fi
tm resize-window -t e2e -x 20 -y 6
check "a 20×6 terminal says it is too small" "终端太小"
for size in 30x8 200x50 50x10 120x40 19x5 90x30 160x20 120x40; do tm resize-window -t e2e -x "${size%x*}" -y "${size#*x}"; done
tm resize-window -t e2e -x 120 -y 40
# One document opens straight into it: its status line offers q to go back.
check "after a resize storm the screen is whole again" "q 返回"
keys q q
check "quits after the storm with status 0" "EXIT:0"
tm kill-session -t e2e

# SIGTERM and a crash (SIGSEGV) restore the terminal; the exit status tells which. (The Swift
# backtracer is off here only to keep the run short: with it, the backtrace prints after the restore.)
for sig in TERM SEGV; do
  tm new-session -d -s e2e -x 120 -y 40 "env LANG=C.UTF-8 SWIFT_BACKTRACE=enable=no $bin SampleData; echo \"EXIT:\$?\"; sleep 30"
  tm set-option -t e2e remain-on-exit on >/dev/null
  wait_for "喀什市社会保险中心" || true
  pane="$(tm display-message -p -t e2e '#{pane_pid}')"
  pkill -"$sig" -P "$pane" -x yusuan || kill -"$sig" "$(pgrep -P "$pane" | head -1)"
  code=$([ "$sig" = TERM ] && echo 143 || echo 139)
  check "SIG$sig ends it with status $code" "EXIT:$code"
  if ! tm capture-pane -p -t e2e | grep -qF "F 全部问题"; then passed=$((passed + 1)); echo "ok   SIG$sig restores the terminal"
  else failed=$((failed + 1)); echo "FAIL SIG$sig left the browser on screen"; fi
  tm kill-session -t e2e
done

# The library cache: made on first sight under XDG_CACHE_HOME, untouched with --no-cache; the
# library groups by region (o) and filters as you type (f).
cache_home="$(mktemp -d)"
tm new-session -d -s e2e -x 120 -y 40 "env LANG=C.UTF-8 XDG_CACHE_HOME=$cache_home $bin SampleData; echo \"EXIT:\$?\"; sleep 30"
tm set-option -t e2e remain-on-exit on >/dev/null
check "the library opens with a cache" "喀什市社会保险中心"
keys o
check "o groups the library by region" "▾ 喀什地区  1 个文件"
keys f
tm send-keys -t e2e -l "克孜"
check "f filters as you type (阿克陶县 is in 克孜勒苏州)" "3/5 个文件"
keys Enter
check "the filter stays in the title" "筛选“克孜” 3/5"
keys q
check "quits from the grouped library with status 0" "EXIT:0"
tm kill-session -t e2e
if [ -s "$cache_home/yusuan/library.sqlite" ]; then passed=$((passed + 1)); echo "ok   the cache is written under XDG_CACHE_HOME"
else failed=$((failed + 1)); echo "FAIL no cache under $cache_home"; fi
rm -rf "$cache_home"; cache_home="$(mktemp -d)"
XDG_CACHE_HOME="$cache_home" "$bin" check --no-cache SampleData >/dev/null 2>&1
if [ ! -e "$cache_home/yusuan" ]; then passed=$((passed + 1)); echo "ok   --no-cache writes no cache"
else failed=$((failed + 1)); echo "FAIL --no-cache wrote $cache_home/yusuan"; fi
rm -rf "$cache_home"

# LANG=C: the browser still draws Chinese correctly (it switches to C.UTF-8 itself).
tm new-session -d -s e2e -x 120 -y 40 "env LANG=C LC_ALL=C $bin SampleData; echo \"EXIT:\$?\"; sleep 30"
check "LANG=C still shows the Chinese library" "喀什市社会保险中心"
keys q
tm kill-session -t e2e

# The command line as a new user meets it: from another folder, with a typo, from a pipe.
expect_cli() {  # NAME WANT GOT
  if [ "$3" = "$2" ] || printf '%s' "$3" | grep -qF -- "$2"; then passed=$((passed + 1)); echo "ok   $1"
  else failed=$((failed + 1)); echo "FAIL $1 (expected: $2)"; printf '%s\n' "$3" | head -5 | sed 's/^/     | /'; fi
}
expect_cli "check from / finds the bundled samples" "5 file(s):" "$(cd / && "$bin" check --no-cache 2>/dev/null | tail -1)"
expect_cli "the browser from / finds the samples" "喀什市社会保险中心" "$(cd / && "$bin" --no-cache --dump 120x40 2>/dev/null)"
expect_cli "--version" "yusuan 0." "$("$bin" --version 2>&1)"
expect_cli "an unknown command is named" "unknown command 'frobnicate'" "$("$bin" frobnicate 2>&1)"
expect_cli "an unknown command exits 2" "2" "$("$bin" frobnicate >/dev/null 2>&1; echo $?)"
expect_cli "- reads standard input" "阿克陶县社会保险中心" \
  "$("$bin" parse - < SampleData/akto-county-social-insurance-2024.txt 2>&1 | head -3)"
expect_cli "check - names the file -" '"path":"-"' \
  "$("$bin" check --no-cache --format json - < SampleData/akto-county-social-insurance-2024.txt 2>&1 | tr -d ' \n')"
one="$("$bin" check --no-cache --format json SampleData/akto-county-social-insurance-2024.txt | head -c 20 | tr -d ' \n')"
many="$("$bin" check --no-cache --format json SampleData | head -c 20 | tr -d ' \n')"
expect_cli "check JSON has one shape for one file and many" "${many:0:9}" "${one:0:9}"
expect_cli "check JSON lists files" '{"files":[' "${one:0:10}"
"$bin" export SampleData/akto-county-social-insurance-2024.txt --to "$work/a.csv" 2>/dev/null
expect_cli "the CSV starts with a BOM" "efbbbf" "$(head -c 3 "$work/a.csv" | od -An -tx1 | tr -d ' \n')"
"$bin" export SampleData/akto-county-social-insurance-2024.txt --to "$work/b.csv" --no-bom 2>/dev/null
expect_cli "--no-bom leaves it out" "756e69" "$(head -c 3 "$work/b.csv" | od -An -tx1 | tr -d ' \n')"
# The folder form is replaced whole: a second export of fewer documents leaves none of the first's.
"$bin" export SampleData --to "$work/out" 2>/dev/null
mkdir -p "$work/.out.yusuan-tmp-999999"   # left by a yusuan killed with -9 (no such process)
"$bin" export SampleData/akto-county-social-insurance-2024.txt --to "$work/out" 2>/dev/null
expect_cli "a re-export keeps no stale files" "akto-county-social-insurance-2024.json amounts.csv" \
  "$(ls "$work/out" | tr '\n' ' ' | sed 's/ $//')"
expect_cli "a dead run's temporaries are cleaned" "" "$(ls -a "$work" | grep yusuan-tmp)"
# kill -9 between the swap's two renames: no folder, the old one aside. The next run restores it first.
mv "$work/out" "$work/.out.yusuan-tmp-999998-old" && mkdir -p "$work/.out.yusuan-tmp-999998"
expect_cli "a swap killed midway is restored first" "the one before it is restored first" \
  "$("$bin" export SampleData/akto-county-social-insurance-2024.txt --to "$work/out" 2>&1)"
expect_cli "and replaced whole, no temporary left" "akto-county-social-insurance-2024.json amounts.csv" \
  "$(ls "$work/out" | tr '\n' ' ' | sed 's/ $//')$(ls -a "$work" | grep yusuan-tmp)"
mkdir -p "$work/mine" && echo keep > "$work/mine/notes.txt"
expect_cli "a folder with other files is not replaced" "which yusuan did not write" \
  "$("$bin" export SampleData --to "$work/mine" 2>&1)"
expect_cli "and is left as it was" "keep" "$(cat "$work/mine/notes.txt")"
long="$work/$(printf 'x%.0s' $(seq 1 246)).csv"
"$bin" export SampleData/akto-county-social-insurance-2024.txt --to "$long" 2>/dev/null
expect_cli "a 250-byte name is written" "efbbbf" "$(head -c 3 "$long" | od -An -tx1 | tr -d ' \n')"
expect_cli "a 256-byte name is named too long" "the name is too long (256 bytes" \
  "$("$bin" export SampleData/akto-county-social-insurance-2024.txt --to "$work/$(printf 'y%.0s' $(seq 1 252)).csv" 2>&1)"
XDG_CACHE_HOME="$work/xdg" "$bin" check --no-cache SampleData >/dev/null 2>&1
expect_cli "--no-cache writes no cache" "" "$(ls "$work/xdg" 2>/dev/null)"
rm -rf "$work"

echo "e2e: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
