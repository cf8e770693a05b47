# throw() into a generator that has not started raises "at the def line": the traceback entry of
# the generator's frame is the line of its RETURN_GENERATOR instruction, the `def` line.
import sys


def gen():
    yield 1


g = gen()
try:
    g.throw(KeyError("early"))
except KeyError:
    tb = sys.exc_info()[2]
    lines = []
    while tb is not None:
        lines.append(tb.tb_lineno)
        tb = tb.tb_next
    print(lines)  # expect: [12, 6]
print(g.gi_frame, g.gi_suspended)  # expect: None False
g = gen()
g.throw(ValueError("uncaught"))
# expect stderr: Traceback (most recent call last):
# expect stderr:   File "{FILE}", line 22, in <module>
# expect stderr:     g.throw(ValueError("uncaught"))
# expect stderr:   File "{FILE}", line 6, in gen
# expect stderr:     def gen():
# expect error: ValueError: uncaught
