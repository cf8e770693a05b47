# COMPARE_OP fused with the jump after it (COMPARE_OP_INT_JUMP, _FLOAT_JUMP,
# _STR_JUMP): every comparison operator, both jump senses, loops (backward
# jumps), NaN, and sites whose operand types change.


def ops(a, b):
    r = ""
    r += "<" if a < b else "."
    r += "L" if a <= b else "."
    r += "=" if a == b else "."
    r += "!" if a != b else "."
    r += ">" if a > b else "."
    r += "G" if a >= b else "."
    return r


def ops_not(a, b):
    r = ""
    if not a < b:
        r += "n<"
    if not a == b:
        r += "n="
    if not a >= b:
        r += "nG"
    return r


for i in range(100):
    ops(i, 50)
    ops_not(i, 50)
print(ops(1, 2), ops(2, 2), ops(3, 2), ops(-5, 2**40))  # expect: <L.!.. .L=..G ...!>G <L.!..
print(ops_not(1, 2), ops_not(2, 2), ops_not(3, 2))  # expect: n=nG n< n<n=
# The int site sees floats, NaN, big ints, strings, mixed types, bools.
nan = float("nan")
print(ops(1.5, 2.5), ops(2.5, 2.5), ops(nan, 1.0), ops(nan, nan))  # expect: <L.!.. .L=..G ...!.. ...!..
print(ops(2**70, 2**70 + 1), ops(10**30, 10**30), ops(-(2**64), 1))  # expect: <L.!.. .L=..G <L.!..
print(ops("a", "b"), ops("b", "b"), ops(1, 1.0), ops(True, 1))  # expect: <L.!.. .L=..G .L=..G .L=..G
print(ops_not(nan, 1.0), ops_not(1.0, nan))  # expect: n<n=nG n<n=nG
# A float site, then ints and NaN.
for i in range(100):
    ops(i * 0.5, 10.0)
    ops_not(i * 0.5, 10.0)
print(ops(0.1 + 0.2, 0.3), ops(3, 3), ops(nan, nan), ops_not(nan, nan))  # expect: ...!>G .L=..G ...!.. n<n=nG
# A str == / != site, then other types.


def same(a, b):
    if a == b:
        return "same"
    return "diff"


def differ(a, b):
    return "differ" if a != b else "equal"


for i in range(100):
    same("ab" * (i % 3), "abab")
    differ("x", "y" * (i % 2))
print(same("abab", "ab" * 2), same("a", "b"), same("", ""), differ("q", "q"), differ("q", "r"))  # expect: same diff same equal differ
print(same(1, 1.0), same([1], [1]), same("1", 1), differ(None, None))  # expect: same same diff equal
# Comparisons that raise still raise.
try:
    ops("a", 1)
except TypeError as e:
    print(e)  # expect: '<' not supported between instances of 'str' and 'int'
# Loops whose condition is a fused comparison (while: a backward jump).


def count_while(n):
    i = 0
    k = 0
    while i < n:
        i += 1
        if i % 3 == 0:
            k += 1
    return i, k


def count_float(x):
    steps = 0
    while x > 0.001:
        x = x / 2
        steps += 1
    return steps


print(count_while(1000), count_while(0), count_float(1.0), count_float(nan))  # expect: (1000, 333) (0, 0) 10 0
# Comparison operators of user classes at a specialized site.


class Rev:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        return self.v > other.v

    def __eq__(self, other):
        return True

    def __ge__(self, other):
        return True


print(ops_not(Rev(1), Rev(2)), repr(ops_not(Rev(2), Rev(1))))  # expect: n< ''
