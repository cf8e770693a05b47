# LOAD_GLOBAL, LOAD_ATTR_MODULE and LOAD_METHOD_MODULE sites whose names are
# rebound or deleted after specialization.
import math


def area(r):
    return math.pi * r * r


def root(x):
    return math.sqrt(x)


def helper():
    return "helper 1"


def use_helper():
    return helper()


def use_len(x):
    return len(x)


for i in range(100):
    area(1)
    root(4)
    use_helper()
    use_len("ab")
print(area(1), root(16), use_helper(), use_len("abc"))  # expect: 3.141592653589793 4.0 helper 1 3
# A rebound global.


def helper():
    return "helper 2"


print(use_helper())  # expect: helper 2
# A global that shadows a builtin, then goes away again.
len = lambda x: "my len"
print(use_len("abc"))  # expect: my len
del len
print(use_len("abc"))  # expect: 3
# Module attributes rebound, added and deleted.
saved_pi, saved_sqrt = math.pi, math.sqrt
math.pi = 3
math.sqrt = lambda x: "fake sqrt"
print(area(2), root(9))  # expect: 12 fake sqrt
math.extra = 1
print(area(1), root(9))  # expect: 3 fake sqrt
del math.pi
try:
    area(1)
except AttributeError as e:
    print(e)  # expect: module 'math' has no attribute 'pi'
math.pi, math.sqrt = saved_pi, saved_sqrt
print(area(1), root(25))  # expect: 3.141592653589793 5.0
# A global name deleted: NameError at the specialized site.
del helper
try:
    use_helper()
except NameError as e:
    print(e)  # expect: name 'helper' is not defined
# Another object under the module's name at a specialized site.


class FakeMath:
    pi = 1.0

    @staticmethod
    def sqrt(x):
        return "staticmethod sqrt"


real_math = math
math = FakeMath()
print(area(2), root(4))  # expect: 4.0 staticmethod sqrt
math = real_math
print(root(4))  # expect: 2.0
