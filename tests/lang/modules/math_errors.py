# math: CPython's errors (types and messages) for bad arguments and domain/range problems.
import math
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)
t(lambda: math.sqrt(-1))  # expect: ValueError: math domain error
t(lambda: math.sqrt("x"))  # expect: TypeError: must be real number, not str
t(lambda: math.sqrt())  # expect: TypeError: math.sqrt() takes exactly one argument (0 given)
t(lambda: math.sqrt(1, 2))  # expect: TypeError: math.sqrt() takes exactly one argument (2 given)
t(lambda: math.sqrt(x=1))  # expect: TypeError: math.sqrt() takes no keyword arguments
t(lambda: math.sqrt(10 ** 400))  # expect: OverflowError: int too large to convert to float
t(lambda: math.log(0))  # expect: ValueError: math domain error
t(lambda: math.log(-1))  # expect: ValueError: math domain error
t(lambda: math.log(0.0))  # expect: ValueError: math domain error
t(lambda: math.log(-(10 ** 400)))  # expect: ValueError: math domain error
t(lambda: math.log(1, 1))  # expect: ZeroDivisionError: float division by zero
t(lambda: math.log(10, 0))  # expect: ValueError: math domain error
t(lambda: math.log())  # expect: TypeError: math.log requires 1 to 2 arguments
t(lambda: math.log(1, 2, 3))  # expect: TypeError: math.log requires 1 to 2 arguments
t(lambda: math.log2(0))  # expect: ValueError: math domain error
t(lambda: math.log10(-1))  # expect: ValueError: math domain error
t(lambda: math.log1p(-1))  # expect: ValueError: math domain error
t(lambda: math.exp(1000))  # expect: OverflowError: math range error
t(lambda: math.exp2(1025))  # expect: OverflowError: math range error
t(lambda: math.expm1(1000))  # expect: OverflowError: math range error
t(lambda: math.cosh(1000))  # expect: OverflowError: math range error
t(lambda: math.sinh(-1000))  # expect: OverflowError: math range error
t(lambda: math.asin(2))  # expect: ValueError: math domain error
t(lambda: math.acos(-2))  # expect: ValueError: math domain error
t(lambda: math.acosh(0))  # expect: ValueError: math domain error
t(lambda: math.atanh(1))  # expect: ValueError: math domain error
t(lambda: math.sin(math.inf))  # expect: ValueError: math domain error
t(lambda: math.atan2(1))  # expect: TypeError: atan2 expected 2 arguments, got 1
t(lambda: math.atan2(1, "x"))  # expect: TypeError: must be real number, not str
t(lambda: math.pow(0, -1))  # expect: ValueError: math domain error
t(lambda: math.pow(-8, 1 / 3))  # expect: ValueError: math domain error
t(lambda: math.pow(10, 400))  # expect: OverflowError: math range error
t(lambda: math.pow(2))  # expect: TypeError: pow expected 2 arguments, got 1
t(lambda: math.fmod(1, 0))  # expect: ValueError: math domain error
t(lambda: math.fmod(math.inf, 1))  # expect: ValueError: math domain error
t(lambda: math.remainder(1, 0))  # expect: ValueError: math domain error
t(lambda: math.gamma(0))  # expect: ValueError: math domain error
t(lambda: math.gamma(-3))  # expect: ValueError: math domain error
t(lambda: math.gamma(200))  # expect: OverflowError: math range error
t(lambda: math.gamma(-math.inf))  # expect: ValueError: math domain error
t(lambda: math.lgamma(0))  # expect: ValueError: math domain error
t(lambda: math.lgamma(-2))  # expect: ValueError: math domain error
t(lambda: math.lgamma(1e308))  # expect: OverflowError: math range error
t(lambda: math.ldexp(1.0, 1.5))  # expect: TypeError: Expected an int as second argument to ldexp.
t(lambda: math.ldexp(1.0, 10 ** 30))  # expect: OverflowError: math range error
t(lambda: math.ldexp(1.0, 2000))  # expect: OverflowError: math range error
t(lambda: math.factorial(-1))  # expect: ValueError: factorial() not defined for negative values
t(lambda: math.factorial(5.0))  # expect: TypeError: 'float' object cannot be interpreted as an integer
t(lambda: math.factorial(10 ** 30))  # expect: OverflowError: factorial() argument should not exceed 9223372036854775807
t(lambda: math.factorial("5"))  # expect: TypeError: 'str' object cannot be interpreted as an integer
t(lambda: math.isqrt(-1))  # expect: ValueError: isqrt() argument must be nonnegative
t(lambda: math.isqrt(2.0))  # expect: TypeError: 'float' object cannot be interpreted as an integer
t(lambda: math.gcd(1.5))  # expect: TypeError: 'float' object cannot be interpreted as an integer
t(lambda: math.gcd(a=1))  # expect: TypeError: math.gcd() takes no keyword arguments
t(lambda: math.lcm(2, "x"))  # expect: TypeError: 'str' object cannot be interpreted as an integer
t(lambda: math.comb(-1, 2))  # expect: ValueError: n must be a non-negative integer
t(lambda: math.comb(5, -2))  # expect: ValueError: k must be a non-negative integer
t(lambda: math.comb(10 ** 30, 10 ** 20))  # expect: OverflowError: min(n - k, k) must not exceed 9223372036854775807
t(lambda: math.comb(5))  # expect: TypeError: comb expected 2 arguments, got 1
t(lambda: math.perm(-5, 2))  # expect: ValueError: n must be a non-negative integer
t(lambda: math.perm(5, 10 ** 30))  # expect: 0
t(lambda: math.perm(-1))  # expect: ValueError: factorial() not defined for negative values
t(lambda: math.perm())  # expect: TypeError: perm expected at least 1 argument, got 0
t(lambda: math.perm(1, 2, 3))  # expect: TypeError: perm expected at most 2 arguments, got 3
t(lambda: math.prod([1], 2))  # expect: TypeError: prod() takes exactly 1 positional argument (2 given)
t(lambda: math.prod())  # expect: TypeError: prod() takes exactly 1 positional argument (0 given)
t(lambda: math.prod([1], begin=2))  # expect: TypeError: 'begin' is an invalid keyword argument for prod()
t(lambda: math.prod([1, "a"]))  # expect: 'a'
t(lambda: math.prod(5))  # expect: TypeError: 'int' object is not iterable
t(lambda: math.fsum([1e308, 1e308]))  # expect: OverflowError: intermediate overflow in fsum
t(lambda: math.fsum([math.inf, -math.inf]))  # expect: ValueError: -inf + inf in fsum
t(lambda: math.fsum([1, "a"]))  # expect: TypeError: must be real number, not str
t(lambda: math.isclose(1))  # expect: TypeError: isclose() missing required argument 'b' (pos 2)
t(lambda: math.isclose(1, 2, 3))  # expect: TypeError: isclose() takes exactly 2 positional arguments (3 given)
t(lambda: math.isclose(1, 2, rel_tol=-1))  # expect: ValueError: tolerances must be non-negative
t(lambda: math.isclose(1, 2, tol=1))  # expect: TypeError: 'tol' is an invalid keyword argument for isclose()
t(lambda: math.dist((1, 2), (1,)))  # expect: ValueError: both points must have the same number of dimensions
t(lambda: math.dist(1, 2))  # expect: TypeError: 'int' object is not iterable
t(lambda: math.hypot(3, "4"))  # expect: TypeError: must be real number, not str
t(lambda: math.hypot(x=1))  # expect: TypeError: math.hypot() takes no keyword arguments
t(lambda: math.floor("x"))  # expect: TypeError: must be real number, not str
t(lambda: math.floor(math.inf))  # expect: OverflowError: cannot convert float infinity to integer
t(lambda: math.ceil(math.nan))  # expect: ValueError: cannot convert float NaN to integer
t(lambda: math.trunc("x"))  # expect: TypeError: type str doesn't define __trunc__ method
t(lambda: math.trunc(None))  # expect: TypeError: type NoneType doesn't define __trunc__ method
t(lambda: math.frexp("x"))  # expect: TypeError: must be real number, not str
t(lambda: math.isnan(None))  # expect: TypeError: must be real number, not NoneType
t(lambda: math.copysign(1))  # expect: TypeError: copysign expected 2 arguments, got 1
t(lambda: math.degrees())  # expect: TypeError: math.degrees() takes exactly one argument (0 given)
