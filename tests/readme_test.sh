#!/usr/bin/env bash
# The README's checked examples (issue 16): runs each and compares what it prints with what the README shows.
# Usage: readme_test.sh BUILD_DIR SOURCE_DIR
#
# Marking a block: an HTML comment, alone on the line right before the block's opening fence, in one of
# two forms (anything else containing "<!-- checked" fails the test, so a typo cannot skip a block):
#
#   <!-- checked: tests/readme_test.sh -->
#       Each line of the block that starts with "$ " is a command; the lines after it, up to the next
#       "$ " line or the end of the block, are its standard output, verbatim.
#   <!-- checked: tests/readme_test.sh runs: COMMAND -->
#       The whole block is the standard output of COMMAND. For scripts whose output itself shows "$ "
#       lines (scripts/demo.sh echoes the command it runs), which the first form would read as commands.
#
# How a block runs: its commands in order, each with `bash -c`, in a fresh temporary directory laid out like
# a clone of the repository (every top-level entry of SOURCE_DIR linked in, build/ -> BUILD_DIR, and
# scripts/build.sh replaced by a no-op because the tools are already built and the real one would rebuild
# them; it writes only to stderr, so what stdout shows is unchanged). BUILD_DIR comes first on PATH, so a
# bare `kg-query` is the tool under test. Standard input is /dev/null, so the tools use the built-in sample
# when given no input, as from a terminal.
#
# Comparison: standard output byte for byte with the shown lines (each shown line ends with a newline), no
# normalisation. Standard error (notes such as "using the built-in sample") is not shown in the README and
# not compared; it is printed when a command fails. A command must exit 0.
# A difference prints the README line of the block, the command and a unified diff (shown vs printed);
# the test then exits 1. Fewer than one checked block is a failure too (markers lost in an edit).
set -u
exec </dev/null
BUILD=$(cd "$1" && pwd) SRC=$(cd "$2" && pwd)
README=$SRC/README.md
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fails=0 blocks=0
marker_plain='<!-- checked: tests/readme_test.sh -->'
marker_runs='<!-- checked: tests/readme_test.sh runs: '

fail() { echo "FAIL README.md:$1: $2"; fails=$((fails+1)); }

# A fresh stand-in clone for one block; prints its path.
make_clone() {
  local dir=$tmp/clone-$1 entry name
  mkdir -p "$dir/scripts"
  for entry in "$SRC"/*; do
    name=${entry##*/}
    case $name in build|build-*|scripts) continue ;; esac
    ln -s "$entry" "$dir/$name"
  done
  for entry in "$SRC"/scripts/*; do ln -s "$entry" "$dir/scripts/${entry##*/}"; done
  rm -f "$dir/scripts/build.sh"
  printf '#!/usr/bin/env bash\n# readme_test.sh: the tools are already built in build/\nexit 0\n' > "$dir/scripts/build.sh"
  ln -s "$BUILD" "$dir/build"
  printf '%s\n' "$dir"
}

# run_check LINE CLONE COMMAND EXPECTED_FILE: runs COMMAND in CLONE, compares its stdout with EXPECTED_FILE.
run_check() {
  local line=$1 clone=$2 cmd=$3 expected=$4 out=$tmp/out err=$tmp/err status
  # </dev/null here, not only by the exec above: the callers read the README and the block on stdin.
  (cd "$clone" && PATH="$BUILD:$PATH" bash -c "$cmd") </dev/null >"$out" 2>"$err"
  status=$?
  if [ "$status" -ne 0 ]; then
    fail "$line" "\$ $cmd: exit $status, expected 0; its stderr:"
    sed 's/^/    /' "$err"
    return
  fi
  if diff -u --label "README.md:$line (shown)" --label "printed by: $cmd" "$expected" "$out" >"$tmp/diff"; then
    echo "ok   README.md:$line \$ $cmd"
  else
    fail "$line" "\$ $cmd prints something else than the README shows:"
    cat "$tmp/diff"
  fi
}

# check_block LINE MODE RUNS_COMMAND BODY_FILE: LINE is the line of the opening fence.
check_block() {
  local line=$1 mode=$2 runs=$3 body=$4 clone n=0 text cmd="" cmd_line=0 expected=$tmp/expected
  blocks=$((blocks+1))
  clone=$(make_clone "$blocks")
  if [ "$mode" = runs ]; then
    run_check "$line" "$clone" "$runs" "$body"
    return
  fi
  while IFS= read -r text || [ -n "$text" ]; do
    n=$((n+1))
    if [ "${text:0:2}" = '$ ' ]; then
      [ -n "$cmd" ] && run_check "$cmd_line" "$clone" "$cmd" "$expected"
      cmd=${text:2} cmd_line=$((line+n)); : > "$expected"
    elif [ -z "$cmd" ]; then
      fail "$((line+n))" "a checked block must start with a '\$ ' command line"
      return
    else
      printf '%s\n' "$text" >> "$expected"
    fi
  done < "$body"
  if [ -n "$cmd" ]; then run_check "$cmd_line" "$clone" "$cmd" "$expected"
  else fail "$line" "a checked block without a '\$ ' command line"; fi
}

# Scan the README: a marker line, then a fence, then the body up to the closing fence.
state=text mode="" runs="" fence_line=0 marker_line=0 ln=0 body=$tmp/body
while IFS= read -r text || [ -n "$text" ]; do
  ln=$((ln+1))
  case $state in
    text)
      if [ "$text" = "$marker_plain" ]; then
        state=marker mode=plain runs="" marker_line=$ln
      elif [ "${text:0:${#marker_runs}}" = "$marker_runs" ] && [ "${text: -4}" = ' -->' ] \
           && [ ${#text} -gt $((${#marker_runs}+4)) ]; then
        runs=${text:${#marker_runs}}; runs=${runs% -->}
        state=marker mode=runs marker_line=$ln
      elif [[ $text == *'<!-- checked'* ]]; then
        fail "$ln" "malformed marker (see the top of tests/readme_test.sh): $text"
      fi ;;
    marker)
      if [[ $text == '```'* ]]; then
        state=body fence_line=$ln; : > "$body"
      else
        fail "$marker_line" "a marker must be right before a fenced block"; state=text
      fi ;;
    body)
      if [ "$text" = '```' ]; then
        check_block "$fence_line" "$mode" "$runs" "$body"; state=text
      else
        printf '%s\n' "$text" >> "$body"
      fi ;;
  esac
done < "$README"
[ "$state" = text ] || fail "$marker_line" "the checked block is not closed"
[ "$blocks" -ge 1 ] || fail 0 "no checked block found (the markers are described in tests/readme_test.sh)"

if [ "$fails" -ne 0 ]; then echo "$fails README check(s) failed"; exit 1; fi
echo "all $blocks checked README blocks print what they show"
