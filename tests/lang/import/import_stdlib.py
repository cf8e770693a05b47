# import and from-import of the stdlib modules sys, math, time; aliases; module attributes.
import math
from math import sqrt, pi
import math as m
from math import floor as fl, ceil
import sys, time
print(math.sqrt(16), sqrt(2))  # expect: 4.0 1.4142135623730951
print(pi, m.pi is math.pi)  # expect: 3.141592653589793 True
print(fl(2.7), ceil(2.1))  # expect: 2 3
print(type(math).__name__, math.__name__)  # expect: module math
print("math" in sys.modules, sys.modules["math"] is math)  # expect: True True
print(__name__)  # expect: __main__
import math
print(math is m)  # expect: True
def local_import():
    import math as inner
    return inner.factorial(5)
print(local_import())  # expect: 120
print(hasattr(time, "sleep"), hasattr(sys, "argv"))  # expect: True True
import dis
print(type(dis).__name__)  # expect: module
