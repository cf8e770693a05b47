#!/usr/bin/env bash
# Times minipy against CPython (and Lua 5.4 where a twin program exists) on the benchmark
# programs and prints a markdown table plus the geometric mean of the minipy/CPython ratios.
#
#   bench/compare.sh [-n RUNS] [-q] [-c] [-p REGEX] [-t SECONDS]
#
#   -n RUNS     runs per interpreter (default 5); the median wall time and peak RSS are reported
#   -q          quick mode: one run each
#   -c          also count instructions: one more run of each interpreter under
#               `valgrind --tool=callgrind` (about 50x slower), adding the columns
#               "minipy Minstr", "python3 Minstr" and their ratio. Counts do not depend
#               on the load of the machine, so they are the figure to quote from a busy one.
#   -p REGEX    only programs whose name (without .py) matches the extended regex, e.g. 'fib|nbody'
#   -t SECONDS  time limit per run (default 600); a run over it counts as a failure
#
# Environment: MINIPY (default <repo>/build/minipy), PYTHON (default the real CPython binary,
# not the pyenv shim, which adds 0.3-0.5 s to every start), LUA (default lua5.4),
# BENCH_SHARED (default /work/shared/bench).
#
# Programs: $BENCH_SHARED/programs/*.py and <repo>/bench/*.py. Twins: <repo>/bench/lua/NAME.lua
# or $BENCH_SHARED/lua/NAME.lua. The interpreters run alternately (A B A B ...) so that noise on
# a shared machine hits both alike. The first stdout line is each program's checksum: a minipy
# run whose first line differs from CPython's is WRONG, one that exits non-zero (or times out)
# is FAIL; neither counts in the geometric mean.
set -u

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
MINIPY=${MINIPY:-$root/build/minipy}
LUA=${LUA:-lua5.4}
BENCH_SHARED=${BENCH_SHARED:-/work/shared/bench}
runs=5
pattern=
limit=600

usage() {
    sed -n '2,/^set -u/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'
    exit "${1:-0}"
}

count=0
while getopts "n:qcp:t:h" opt; do
    case $opt in
        n) runs=$OPTARG ;;
        q) runs=1 ;;
        c) count=1 ;;
        p) pattern=$OPTARG ;;
        t) limit=$OPTARG ;;
        h) usage 0 ;;
        *) usage 2 ;;
    esac
done
if ! [[ $runs =~ ^[1-9][0-9]*$ ]]; then
    echo "compare.sh: -n wants a positive number" >&2
    exit 2
fi

# The real CPython binary: the pyenv shim costs a lot per start.
PYTHON=${PYTHON:-$(python3 -c 'import sys; print(sys.executable)' 2>/dev/null)}
if [[ -z $PYTHON || ! -x $PYTHON ]]; then
    echo "compare.sh: no python3 found (set PYTHON)" >&2
    exit 2
fi
TIME=/usr/bin/time
if [[ ! -x $TIME ]]; then
    echo "compare.sh: $TIME (GNU time) is needed for peak memory" >&2
    exit 2
fi
have_lua=0
if command -v "$LUA" >/dev/null 2>&1; then
    have_lua=1
fi
# A missing minipy is not an error: every program then shows FAIL.
if [[ ! -x $MINIPY ]] && ! command -v "$MINIPY" >/dev/null 2>&1; then
    echo "compare.sh: warning: $MINIPY is not an executable; every program will FAIL" >&2
fi

if (( count )) && ! command -v valgrind >/dev/null 2>&1; then
    echo "compare.sh: -c needs valgrind" >&2
    exit 2
fi

programs=()
for f in "$BENCH_SHARED"/programs/*.py "$root"/bench/*.py; do
    [[ -f $f ]] || continue
    name=$(basename "$f" .py)
    # Load generators (bench/*_load.py) drive a server program; they are not benchmarks.
    [[ $name == *_load ]] && continue
    if [[ -n $pattern ]] && ! [[ $name =~ $pattern ]]; then
        continue
    fi
    programs+=("$f")
done
if (( ${#programs[@]} == 0 )); then
    echo "compare.sh: no programs match" >&2
    exit 1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# run TAG CMD... : runs the command once under the time limit and GNU time. Appends
# "SECONDS KB" to $tmp/TAG.times when it succeeds; returns its exit status (124 on timeout).
# Keeps the first stdout line in $tmp/TAG.first and the stderr in $tmp/TAG.err.
run() {
    local tag=$1
    shift
    timeout "$limit" "$TIME" -f '%e %M' -o "$tmp/$tag.time" "$@" </dev/null \
        >"$tmp/$tag.out" 2>"$tmp/$tag.err"
    local rc=$?
    last_rc=$rc
    head -n 1 "$tmp/$tag.out" >"$tmp/$tag.first"
    if (( rc == 0 )); then
        tail -n 1 "$tmp/$tag.time" >>"$tmp/$tag.times"
    fi
    return $rc
}

# median COLUMN FILE : the median of a column of numbers.
median() {
    sort -g -k "$1" "$2" | awk -v c="$1" '{ v[NR] = $c }
        END { if (NR == 0) exit 1
              if (NR % 2) printf "%.2f", v[(NR + 1) / 2]
              else printf "%.2f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# instructions CMD... : the instruction count (millions) of one run under callgrind, or "-".
instructions() {
    local n
    n=$(timeout "$((limit * 60))" valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" </dev/null 2>&1 >/dev/null |
        sed -n 's/.*refs: *\([0-9,]*\).*/\1/p' | tr -d , | tail -n 1)
    if [[ -n $n ]]; then awk -v n="$n" 'BEGIN { printf "%.0f", n / 1e6 }'; else echo -; fi
}

mb() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }

header="| program | minipy s | python3 s | ratio | minipy MB | python3 MB |"
rule="|---|---:|---:|---:|---:|---:|"
if (( have_lua )); then
    header+=" lua/python3 |"
    rule+="---:|"
fi
if (( count )); then
    header+=" minipy Minstr | python3 Minstr | instr ratio |"
    rule+="---:|---:|---:|"
fi
echo "minipy: $MINIPY"
echo "python3: $PYTHON ($("$PYTHON" -c 'import sys; print(sys.version.split()[0])'))"
if (( have_lua )); then
    echo "lua: $(command -v "$LUA")"
fi
echo "runs: $runs per interpreter, alternating; medians of wall time and peak RSS"
echo
echo "$header"
echo "$rule"

last_rc=0
ratios=()
lua_ratios=()
instr_ratios=()
notes=()
for prog in "${programs[@]}"; do
    name=$(basename "$prog" .py)
    lua_prog=
    if (( have_lua )); then
        for cand in "$root/bench/lua/$name.lua" "$BENCH_SHARED/lua/$name.lua"; do
            if [[ -f $cand ]]; then
                lua_prog=$cand
                break
            fi
        done
    fi
    rm -f "$tmp"/*.times
    status=ok        # ok, WRONG or FAIL for minipy
    py_ok=1
    lua_status=ok
    py_first=
    for (( i = 0; i < runs; i++ )); do
        if [[ $status != FAIL ]]; then
            if ! run mp "$MINIPY" "$prog"; then
                status=FAIL
                msg=$(grep -v -e '^Command exited' -e '^Command terminated' "$tmp/mp.err" | tail -n 1)
                if (( last_rc == 124 )); then
                    msg="timed out after ${limit}s"
                elif [[ -z $msg ]]; then
                    msg="exit status $last_rc"
                fi
                notes+=("$name: minipy failed: ${msg:0:200}")
            fi
        fi
        if ! run py "$PYTHON" "$prog"; then
            py_ok=0
        fi
        if [[ -n $lua_prog && $lua_status == ok ]]; then
            run lua "$LUA" "$lua_prog" || lua_status=FAIL
        fi
        # The checksums must agree (checked on every run: a race may break only some).
        if [[ $py_ok == 1 ]]; then
            py_first=$(cat "$tmp/py.first")
            if [[ $status == ok && "$(cat "$tmp/mp.first")" != "$py_first" ]]; then
                status=WRONG
                notes+=("$name: minipy printed '$(head -c 200 "$tmp/mp.first")', python3 '${py_first:0:200}'")
            fi
            if [[ -n $lua_prog && $lua_status == ok && "$(cat "$tmp/lua.first")" != "$py_first" ]]; then
                lua_status=WRONG
                notes+=("$name: lua printed '$(head -c 200 "$tmp/lua.first")', python3 '${py_first:0:200}'")
            fi
        fi
    done

    if [[ $py_ok == 1 ]] && [[ -s $tmp/py.times ]]; then
        py_s=$(median 1 "$tmp/py.times")
        py_mb=$(mb "$(median 2 "$tmp/py.times")")
    else
        py_s=FAIL
        py_mb=-
        notes+=("$name: python3 failed: $(tail -n 1 "$tmp/py.err")")
    fi
    if [[ -s $tmp/mp.times ]]; then
        mp_s=$(median 1 "$tmp/mp.times")
        mp_mb=$(mb "$(median 2 "$tmp/mp.times")")
    else
        mp_s=-
        mp_mb=-
    fi
    if [[ $status == ok && $py_s != FAIL ]]; then
        r=$(ratio "$mp_s" "$py_s")
        [[ $r != - ]] && ratios+=("$r")
    elif [[ $status == ok ]]; then
        r=-
    else
        r=$status
    fi
    row="| $name | $mp_s | $py_s | $r | $mp_mb | $py_mb |"
    if (( have_lua )); then
        if [[ -z $lua_prog ]]; then
            lr=
        elif [[ $lua_status != ok ]]; then
            lr=$lua_status
        elif [[ $py_s == FAIL ]] || [[ ! -s $tmp/lua.times ]]; then
            lr=-
        else
            lr=$(ratio "$(median 1 "$tmp/lua.times")" "$py_s")
            [[ $lr != - ]] && lua_ratios+=("$lr")
        fi
        row+=" $lr |"
    fi
    if (( count )); then
        mi=-
        [[ $status == ok ]] && mi=$(instructions "$MINIPY" "$prog")
        pi=$(instructions "$PYTHON" "$prog")
        ir=-
        if [[ $mi != - && $pi != - ]]; then
            ir=$(ratio "$mi" "$pi")
            instr_ratios+=("$ir")
        fi
        row+=" $mi | $pi | $ir |"
    fi
    echo "$row"
done

geomean() {
    printf '%s\n' "$@" | awk '$1 > 0 { s += log($1); n++ }
        END { if (n) printf "%.2f", exp(s / n); else printf "-" }'
}
echo
if (( ${#ratios[@]} )); then
    echo "geometric mean minipy/python3 over ${#ratios[@]} of ${#programs[@]} programs that passed: $(geomean "${ratios[@]}")"
else
    echo "geometric mean minipy/python3: - (no program passed)"
fi
if (( ${#instr_ratios[@]} )); then
    echo "geometric mean of the instruction-count ratios over ${#instr_ratios[@]} programs: $(geomean "${instr_ratios[@]}")"
fi
if (( ${#lua_ratios[@]} )); then
    echo "geometric mean lua/python3 over ${#lua_ratios[@]} programs with a Lua twin: $(geomean "${lua_ratios[@]}")"
fi
if (( ${#notes[@]} )); then
    echo
    for n in "${notes[@]}"; do
        echo "- $n"
    done
fi
