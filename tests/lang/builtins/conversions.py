# Constructors and conversions: str, repr, int, float, bool, list, tuple, dict, set, frozenset, bytes, type.
print(str(1), str(1.5), str([1, "a"]), str("s"))  # expect: 1 1.5 [1, 'a'] s
print(repr("s"), repr(1.0), repr([None]))  # expect: 's' 1.0 [None]
print(int("12"), int(12.9), int(-0.5), int("-0"))  # expect: 12 12 0 0
print(float(1), float("3.25"), float(True))  # expect: 1.0 3.25 1.0
print(bool(), bool(0.0), bool("False"), bool([None]))  # expect: False False True True
print(list(), list("ab"), list({"k": 1}), list(range(2)))  # expect: [] ['a', 'b'] ['k'] [0, 1]
print(tuple(), tuple([1]), tuple({2: 3}))  # expect: () (1,) (2,)
print(dict(), dict(a=1, b=2), dict([(1, 2)]), dict({3: 4}, c=5))  # expect: {} {'a': 1, 'b': 2} {1: 2} {3: 4, 'c': 5}
print(set(), set([1, 1, 2]), frozenset([3]))  # expect: set() {1, 2} frozenset({3})
print(bytes(2), bytes([104, 105]), bytes("hé", "utf-8"))  # expect: b'\x00\x00' b'hi' b'h\xc3\xa9'
print(type(1).__name__, type("").__name__, type([]).__name__, type({}).__name__)  # expect: int str list dict
print(type(()).__name__, type(set()).__name__, type(None).__name__, type(len).__name__)  # expect: tuple set NoneType builtin_function_or_method
print(type(lambda: 0).__name__, type(range(1)).__name__, type(b"").__name__)  # expect: function range bytes
print(type(1.0) is float, type(True) is bool, type(type) is type)  # expect: True True True
print(str(b"ab"), str(None), str(-0.0))  # expect: b'ab' None -0.0
print(list(map(int, "1 2 3".split())))  # expect: [1, 2, 3]
