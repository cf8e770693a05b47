#!/usr/bin/env python3
"""Writes the fuzzers' seed corpus: every test program under tests/lang (and
its regression cases), and with --chunks also each top-level statement group
of them as a smaller input, into OUT_DIR (one file per input, named by
content hash).

    fuzz/make_corpus.py [--chunks] OUT_DIR
"""
import hashlib
import os
import sys

MAX_SEED = 16 * 1024   # bigger files slow the fuzzer down more than they help


def chunks(src):
    """Top-level statement groups: runs of lines starting at column 0."""
    cur = []
    for line in src.splitlines(keepends=True):
        if cur and line[:1] not in (" ", "\t", "\n", "#", ")", "]", "}", "") and not \
                line.startswith(("else", "elif", "except", "finally")):
            yield "".join(cur)
            cur = []
        cur.append(line)
    if cur:
        yield "".join(cur)


def main():
    args = sys.argv[1:]
    with_chunks = "--chunks" in args
    out = [a for a in args if a != "--chunks"][0]
    os.makedirs(out, exist_ok=True)
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "lang")
    seen = set()
    for dirpath, _, files in os.walk(root):
        for name in sorted(files):
            if not name.endswith(".py"):
                continue
            with open(os.path.join(dirpath, name), "rb") as f:
                data = f.read()
            inputs = [data]
            try:
                if with_chunks:
                    inputs += [c.encode() for c in chunks(data.decode("utf-8"))]
            except UnicodeDecodeError:
                pass
            for d in inputs:
                if len(d) > MAX_SEED or not d.strip():
                    continue
                h = hashlib.sha1(d).hexdigest()
                if h in seen:
                    continue
                seen.add(h)
                with open(os.path.join(out, h), "wb") as f:
                    f.write(d)
    print("%d seed inputs in %s" % (len(seen), out))


if __name__ == "__main__":
    main()
