#!/usr/bin/env bash
# Builds minipy if needed and runs the whole test suite (C unit tests,
# language tests under minipy, and the same language tests under python3).
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release ${MINIPY_CMAKE_FLAGS:-} >/dev/null
cmake --build build -j"$(nproc)"
ctest --test-dir build --output-on-failure -j"$(nproc)"
