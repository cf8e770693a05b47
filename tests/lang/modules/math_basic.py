# math: the functions and constants the issue names, with exact CPython results.
import math
print(math.pi, math.e)  # expect: 3.141592653589793 2.718281828459045
print(math.inf, -math.inf, math.nan)  # expect: inf -inf nan
print(math.sqrt(2), math.sqrt(16.0))  # expect: 1.4142135623730951 4.0
print(math.floor(-2.5), math.ceil(-2.5), math.floor(3), type(math.floor(2.5)).__name__)  # expect: -3 -2 3 int
print(math.trunc(-2.7), math.trunc(2.7))  # expect: -2 2
print(math.gcd(12, 18), math.gcd(0, 5), math.gcd(2 ** 100, 6 ** 50))  # expect: 6 5 1125899906842624
print(math.factorial(0), math.factorial(10))  # expect: 1 3628800
print(math.factorial(25))  # expect: 15511210043330985984000000
print(math.isqrt(99), math.isqrt(10 ** 30))  # expect: 9 1000000000000000
print(math.log(math.e), math.log(8, 2), math.log(100, 10))  # expect: 1.0 3.0 2.0
print(math.exp(0), math.exp(1))  # expect: 1.0 2.718281828459045
print(math.sin(0), math.cos(0), round(math.sin(math.pi / 2), 10))  # expect: 0.0 1.0 1.0
print(math.isnan(math.nan), math.isnan(1.0), math.isinf(-math.inf), math.isinf(1e308))  # expect: True False True False
print(math.fabs(-3), math.pow(2, 10), math.hypot(3, 4))  # expect: 3.0 1024.0 5.0
print(math.copysign(3, -0.0), math.copysign(-2.5, 1))  # expect: -3.0 2.5
print(math.comb(5, 2), math.comb(50, 25), math.perm(5, 2), math.perm(4))  # expect: 10 126410606437752 20 24
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod([2.5, 2]))  # expect: 24 1 5.0
print(sum([0.1] * 10), math.fsum([0.1] * 10))  # expect: 0.9999999999999999 1.0
try:
    math.sqrt(-1)
except ValueError as e:
    print(e)  # expect: math domain error
try:
    math.factorial(-1)
except ValueError as e:
    print(e)  # expect: factorial() not defined for negative values
