#!/usr/bin/env python3
"""Writes tests/parser/errors/*.py from the case lists in tests/parser/cases/.

A case list holds many small invalid programs, each introduced by a line
`#=== NAME`; the program is the text up to the next such line (its last line
has no newline, so cases at end of input are covered too). Each becomes
errors/NAME.py, which tests/parser_oracle.py compares with CPython.
Run it after editing a case list; it rewrites the generated files."""
import glob
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def cases(path):
    with open(path, encoding="utf-8", newline="") as f:
        text = f.read()
    for chunk in ("\n" + text).split("\n#=== ")[1:]:
        name, _, body = chunk.partition("\n")
        yield name.strip(), body


def main():
    out = os.path.join(HERE, "errors")
    os.makedirs(out, exist_ok=True)
    n = 0
    for path in sorted(glob.glob(os.path.join(HERE, "cases", "*.txt"))):
        for name, body in cases(path):
            with open(os.path.join(out, name + ".py"), "w", encoding="utf-8", newline="") as f:
                f.write(body)
            n += 1
    print("wrote %d cases to %s" % (n, out))


if __name__ == "__main__":
    main()
