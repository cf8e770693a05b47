#!/usr/bin/env bash
# Runs tests/oom/oom.py under `ulimit -v` (virtual memory limit, default
# 400000 KiB) and checks its output: MemoryError in every case, then a
# statement after them runs. Not for sanitizer builds (ASan reserves terabytes
# of address space).
#   tests/oom/run_oom.sh INTERP [LIMIT_KIB]      (INTERP: build/minipy or python3)
set -uo pipefail
interp=${1:?usage: run_oom.sh INTERP [LIMIT_KIB]}
limit=${2:-400000}
dir=$(cd "$(dirname "$0")" && pwd)
expected="list MemoryError MemoryError()
str MemoryError MemoryError()
bytes MemoryError MemoryError()
int MemoryError MemoryError()
shift MemoryError MemoryError()
fill list MemoryError MemoryError()
dict held more than a million items: True
fill dict MemoryError MemoryError()
fill list again MemoryError MemoryError()
thread MemoryError
still running: 5050 xxx"
actual=$(ulimit -v "$limit" && "$interp" "$dir/oom.py" 2>&1)
status=$?
if [ "$status" != 0 ] || [ "$actual" != "$expected" ]; then
    echo "FAIL: $interp tests/oom/oom.py under ulimit -v $limit (exit $status)"
    diff <(echo "$expected") <(echo "$actual")
    exit 1
fi
echo "ok: $interp: MemoryError in every case, the program went on"
