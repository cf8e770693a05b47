#!/usr/bin/env bash
# Builds minipy without sanitizers (build-valgrind, RelWithDebInfo) and runs
# the language tests under valgrind memcheck, GIL on: every definite leak and
# every memory error (invalid read or write, use of uninitialised memory,
# bad free) fails the run. Possible leaks and memory still reachable at exit
# are not errors (minipy, like CPython, does not free every object at exit).
#
#   tests/run_valgrind.sh                       # all of tests/lang
#   tests/run_valgrind.sh tests/lang/gc tests/lang/generators
#   VALGRIND_JOBS=1 tests/run_valgrind.sh       # tests in parallel (default 2)
#
# One log per process (forked children too) is kept in
# build-valgrind/valgrind-logs/, and the logs decide: the ones with errors are
# printed at the end. A child made by os.fork() while other threads ran is
# the exception for leaks: those threads do not exist in the child, so the
# objects only their C stacks referred to can never be freed there (the same
# in CPython); its definite leaks are listed but do not fail the run, its
# memory errors do. valgrind's exit status (--error-exitcode=99) is therefore
# not used: a child exiting 99 would fail its parent's test.
# The GIL stays on: with the GIL off the cycle collector does not run while
# threads exist yet (stop-the-world collection is being written), so cycles
# left at exit would show up as leaks.
#
# The threading and timing tests run too: valgrind serialises threads and is
# 20-50 times slower, so the per-test timeout is long (VALGRIND_TIMEOUT,
# 900 s). A test that fails only because of that slowness without a valgrind
# error is listed, but does not fail the run unless VALGRIND_STRICT=1.
# (Start it from an interactive shell or with job control: a background job
# of a plain shell script inherits SIGINT ignored, and the signal tests then
# fail, under valgrind or not.)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
bdir=$root/build-valgrind
jobs=${VALGRIND_JOBS:-2}
timeout=${VALGRIND_TIMEOUT:-900}
if [ $# -eq 0 ]; then set -- tests/lang; fi

command -v valgrind >/dev/null || { echo "valgrind is not installed (apt-get install valgrind)"; exit 2; }
cmake -S . -B "$bdir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMINIPY_SANITIZE= >/dev/null
cmake --build "$bdir" -j2 --target minipy >/dev/null

logs=$bdir/valgrind-logs
rm -rf "$logs"
mkdir -p "$logs"
wrapper=$bdir/minipy-valgrind
cat >"$wrapper" <<EOF
#!/bin/sh
# minipy under valgrind memcheck (written by tests/run_valgrind.sh).
exec valgrind --leak-check=full --errors-for-leak-kinds=definite --show-leak-kinds=definite \\
    --num-callers=30 --log-file="$logs/%p.log" "$bdir/minipy" "\$@"
EOF
chmod +x "$wrapper"

start=$(date +%s)
out=$bdir/valgrind-lang.txt
rc=0
MINIPY_GIL=1 python3 tests/run_lang.py --interp "$wrapper" -j "$jobs" --timeout "$timeout" "$@" >"$out" 2>&1 || rc=$?
secs=$(( $(date +%s) - start ))

# Logs with errors: "ERROR SUMMARY: N errors" with N > 0. A log whose parent
# process has a log too is a forked child: there only memory errors count.
status=0
nbad=0
nfork_leaks=0
for f in "$logs"/*.log; do
    grep -q "ERROR SUMMARY: 0 errors" "$f" && continue
    cmd=$(sed -n 's/^==[0-9]*== Command: //p' "$f" | head -1)
    errs=$(grep -c '^==[0-9]*== \(Invalid\|Conditional\|Use of\|Syscall\|Mismatched\|Source and\|Argument\)' "$f" || true)
    if ! grep -q "ERROR SUMMARY" "$f" && [ "$errs" = 0 ]; then
        # Killed by a signal (a test terminating its child), no error before.
        echo "(no summary, the process was killed: $cmd)"
        continue
    fi
    parent=$(sed -n 's/^==[0-9]*== Parent PID: //p' "$f")
    if [ -f "$logs/$parent.log" ] && [ "$errs" = 0 ]; then
        nfork_leaks=$((nfork_leaks + 1))
        echo "(leak in a forked child, not counted: $cmd, $(grep -o 'definitely lost: [0-9,]* bytes' "$f"))"
        continue
    fi
    status=1
    nbad=$((nbad + 1))
    echo "==== $cmd ($f)"
    sed -n '/^==[0-9]*== \(Invalid\|Conditional\|Use of\|Syscall\|Mismatched\|Source and\|Argument\)/,/^==[0-9]*== $/p;/definitely lost in/,/^==[0-9]*== $/p' "$f" | head -80
done
nlogs=$(ls "$logs" | wc -l)
echo "valgrind: $nlogs processes, $nbad with memory errors or definite leaks ($nfork_leaks forked children with leaks not counted); ${secs}s"
if [ "$rc" != 0 ]; then
    grep -E "^(FAIL|passed)" "$out" || true
    echo "(full test output: $out)"
    if [ "${VALGRIND_STRICT:-0}" = 1 ]; then status=1; fi
else
    tail -1 "$out"
fi
exit $status
