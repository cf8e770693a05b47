#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/) with clang, ASan and UBSan, and runs
# each for a fixed time (default 60 s; FUZZ_TIME=SECONDS or the first
# argument). The seed corpus is generated from tests/lang at run time
# (fuzz/make_corpus.py); inputs the fuzzer finds are kept in
# build-fuzz/corpus/TARGET for the next local run. A crash, sanitizer report,
# leak or timeout fails the run and leaves the input in build-fuzz/artifacts/.
#
#   tests/run_fuzz.sh            # both targets, 60 s each
#   tests/run_fuzz.sh 600        # ten minutes each
#   FUZZ_TARGETS=fuzz_run tests/run_fuzz.sh
#
# Reproduce a finding: build-fuzz/fuzz/fuzz_run build-fuzz/artifacts/crash-...
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-${FUZZ_TIME:-60}}
targets=${FUZZ_TARGETS:-"fuzz_compile fuzz_run"}
CC=${FUZZ_CC:-clang}
cmake -S . -B build-fuzz -DCMAKE_C_COMPILER="$CC" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMINIPY_FUZZ=ON >/dev/null
# shellcheck disable=SC2086
cmake --build build-fuzz -j"$(nproc)" --target $targets >/dev/null
mkdir -p build-fuzz/artifacts
export ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
status=0
summary=build-fuzz/fuzz-summary.txt
: >"$summary"
for t in $targets; do
    seeds=build-fuzz/seeds/$t
    rm -rf "$seeds"
    # The compiler is fast: it also gets every top-level statement group.
    if [ "$t" = fuzz_compile ]; then chunks=--chunks; else chunks=; fi
    python3 fuzz/make_corpus.py $chunks "$seeds" >/dev/null
    mkdir -p "build-fuzz/corpus/$t"
    log=build-fuzz/$t.log
    echo "== $t for ${secs}s ($(ls "$seeds" | wc -l) seeds)"
    rc=0
    "build-fuzz/fuzz/$t" "build-fuzz/corpus/$t" "$seeds" -dict=fuzz/python.dict \
        -max_total_time="$secs" -timeout=30 -rss_limit_mb=2560 -print_final_stats=1 \
        -artifact_prefix=build-fuzz/artifacts/ >"$log" 2>&1 || rc=$?
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 || true)
    line="$t: ${execs:-?} executions in ${secs}s (${rate:-?}/s), ${cov:-cov: ?}, corpus $(ls "build-fuzz/corpus/$t" | wc -l)"
    if [ "$rc" != 0 ]; then
        status=1
        line="$line: FAILED (exit $rc)"
        grep -E -A40 'ERROR: |runtime error|fuzz_(run|compile): |==[0-9]+== ERROR|SUMMARY|deadly signal|Test unit written' "$log" | head -80 || tail -50 "$log"
    fi
    echo "$line" | tee -a "$summary"
done
echo "regression cases: $(ls tests/lang/regress/*.py 2>/dev/null | wc -l)" | tee -a "$summary"
exit $status
