# dis.dis(f, adaptive=True) shows the specialized instructions a function
# runs after warming up (CPython 3.11's names); without adaptive, the base ones.
import dis
import os
import sys

# With specialization off (minipy -X nospecialize, MINIPY_SPECIALIZE=0) there
# is nothing to show: the checks of specialized names pass vacuously.
off = os.environ.get("MINIPY_SPECIALIZE") == "0" or "nospecialize" in sys._xoptions


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)


def helper(a, b):
    return a - b


def work(n):
    total = 0
    f = 0.5
    p = Point(1, 2)
    s = ""
    for i in range(n):
        total = total + i * 2 - 1
        f = f * 1.0 + 0.25 - 0.125
        pair = (i, total)
        a, b = pair
        if i < n:
            total += a - b
        p.x = p.x + 1
        total += p.norm1()
        if s == "x":
            s = s + "y"
        total += helper(i, 1)
    return total, f, p.x


class Collect:
    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)


def shown(func, adaptive):
    out = Collect()
    dis.dis(func, file=out, adaptive=adaptive)
    return "".join(out.parts)


for _ in range(10):
    work(200)
text = shown(work, True)
for name in ["BINARY_OP_ADD_INT", "BINARY_OP_SUBTRACT_INT", "BINARY_OP_MULTIPLY_INT",
             "BINARY_OP_ADD_FLOAT", "BINARY_OP_SUBTRACT_FLOAT", "BINARY_OP_MULTIPLY_FLOAT",
             "UNPACK_SEQUENCE_TWO_TUPLE", "COMPARE_OP_INT_JUMP", "COMPARE_OP_STR_JUMP",
             "LOAD_ATTR_INSTANCE_VALUE", "STORE_ATTR_INSTANCE_VALUE", "LOAD_METHOD_WITH_VALUES",
             "LOAD_GLOBAL_BUILTIN", "LOAD_GLOBAL_MODULE", "CALL_PY_EXACT_ARGS"]:
    print(name, name in text or off)
# expect: BINARY_OP_ADD_INT True
# expect: BINARY_OP_SUBTRACT_INT True
# expect: BINARY_OP_MULTIPLY_INT True
# expect: BINARY_OP_ADD_FLOAT True
# expect: BINARY_OP_SUBTRACT_FLOAT True
# expect: BINARY_OP_MULTIPLY_FLOAT True
# expect: UNPACK_SEQUENCE_TWO_TUPLE True
# expect: COMPARE_OP_INT_JUMP True
# expect: COMPARE_OP_STR_JUMP True
# expect: LOAD_ATTR_INSTANCE_VALUE True
# expect: STORE_ATTR_INSTANCE_VALUE True
# expect: LOAD_METHOD_WITH_VALUES True
# expect: LOAD_GLOBAL_BUILTIN True
# expect: LOAD_GLOBAL_MODULE True
# expect: CALL_PY_EXACT_ARGS True

# Without adaptive=True only base instructions show, and co_code is unchanged.
plain = shown(work, False)
print("_INT" in plain, "_ADAPTIVE" in plain, "INSTANCE_VALUE" in plain)  # expect: False False False
print("BINARY_OP " in plain, "LOAD_ATTR " in plain)  # expect: True True
code = work.__code__.co_code
print(len(code) % 2, code.count(0) > 0)  # expect: 0 True
# A module attribute.
import math


def roots(n):
    t = 0.0
    for i in range(n):
        t += math.sqrt(i) + math.pi
    return t


for _ in range(10):
    roots(100)
text = shown(roots, True)
print(round(roots(100), 3), "LOAD_ATTR_MODULE" in text or off)  # expect: 975.622 True
# math.sqrt(i): CPython 3.11 compiles LOAD_GLOBAL (NULL + math), LOAD_ATTR_MODULE;
# minipy LOAD_GLOBAL, LOAD_METHOD_MODULE.
print("LOAD_ATTR_MODULE" in text or "LOAD_METHOD_MODULE" in text or off)  # expect: True
