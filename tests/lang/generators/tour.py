# programs/generators_tour.py runs to the end, printing the same under minipy and CPython (the oracle).
import sys

path = __file__.rsplit("/tests/", 1)[0] + "/programs/generators_tour.py"


class Capture:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)
        return len(s)

    def flush(self):
        pass


with open(path) as f:
    source = f.read()
saved, sys.stdout = sys.stdout, Capture()
try:
    exec(compile(source, path, "exec"), {"__name__": "__main__"})
finally:
    out, sys.stdout = sys.stdout, saved
lines = "".join(out.parts).splitlines()
for line in lines:
    if line[:1].isdigit():
        print(line)
print(len(lines) > 150, lines[-1])
# expect: 1. A generator function returns a generator; the body waits
# expect: 2. return inside a generator: the value travels in StopIteration
# expect: 3. Everything that takes an iterable takes a generator
# expect: 4. send(): values flow into the generator too
# expect: 5. Pipelines: each stage pulls one item at a time from the one before
# expect: 6. yield from: delegating to another generator
# expect: 7. throw() and close(): exceptions at the paused yield
# expect: 8. Generator expressions
# expect: 9. Watching the state: gi_running, gi_suspended, gi_frame, gi_code
# expect: 10. Dropping a paused generator closes it at once
# expect: 11. Under the hood: the bytecode
# expect: True End of the tour.
