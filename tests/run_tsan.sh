#!/usr/bin/env bash
# The threading tests (and the cycle collector with threads) under ThreadSanitizer, with the GIL on and with it off
# (the free-threading build). Any report shows on stderr and fails the test.
#   tests/run_tsan.sh            (builds build-tsan first)
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build-tsan -DCMAKE_BUILD_TYPE=RelWithDebInfo ${MINIPY_CMAKE_FLAGS:-} -DMINIPY_SANITIZE=thread >/dev/null
cmake --build build-tsan -j"$(nproc)"
export TSAN_OPTIONS="halt_on_error=0 report_signal_unsafe=0 second_deadlock_stack=1"
status=0
for gil in 1 0; do
    tests=(tests/lang/threads tests/lang/generators/threads.py tests/lang/async/threads.py
           tests/lang/weakref/threads.py tests/lang/contextvars/threads.py tests/lang/gc/threads_*.py
           tests/lang/specialize/threads.py tests/lang/specialize/threads_box_reuse.py)
    echo "== ThreadSanitizer, MINIPY_GIL=$gil"
    MINIPY_GIL=$gil python3 tests/run_lang.py --interp build-tsan/minipy --timeout 600 -j 2 "${tests[@]}" || status=1
done
exit $status
