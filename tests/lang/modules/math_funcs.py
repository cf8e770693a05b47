# math: float functions with CPython's exact results and special values.
import math
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan, type(math.nan).__name__)  # expect: 3.141592653589793 2.718281828459045 6.283185307179586 inf -inf nan float
print(math.sqrt(2.0), math.sqrt(0.0), math.sqrt(-0.0), math.sqrt(1e308), math.sqrt(10 ** 20))  # expect: 1.4142135623730951 0.0 -0.0 1e+154 10000000000.0
print(math.exp(1), math.exp(-1000), math.exp(709), math.exp2(10), math.exp2(0.5), math.expm1(1e-10))  # expect: 2.718281828459045 0.0 8.218407461554972e+307 1024.0 1.4142135623730951 1.00000000005e-10
print(math.log(2), math.log(100, 10), math.log(8, 2), math.log(0.5, 4), math.log(math.inf), math.log1p(1e-10))  # expect: 0.6931471805599453 2.0 3.0 -0.5 inf 9.999999999500001e-11
print(math.log(10 ** 1000), math.log(10 ** 1000, 10), math.log2(2 ** 2000), math.log10(10 ** 400), math.log(True))  # expect: 2302.585092994045 999.9999999999997 2000.0 400.0 0.0
print(math.log2(8), math.log2(3), math.log10(1000), math.log10(2), math.log2(1 << 60), math.log10(10 ** 22))  # expect: 3.0 1.584962500721156 3.0 0.3010299956639812 60.0 22.0
print(math.sin(1), math.cos(1), math.tan(1), math.asin(0.5), math.acos(0.5), math.atan(1))  # expect: 0.8414709848078965 0.5403023058681398 1.5574077246549023 0.5235987755982989 1.0471975511965979 0.7853981633974483
print(math.sinh(1), math.cosh(1), math.tanh(1), math.asinh(1), math.acosh(2), math.atanh(0.5))  # expect: 1.1752011936438014 1.5430806348152437 0.7615941559557649 0.881373587019543 1.3169578969248166 0.5493061443340548
print(math.atan2(1, 1), math.atan2(-0.0, -1), math.atan2(0.0, -0.0), math.atan2(math.inf, -math.inf), math.atan2(1, math.inf))  # expect: 0.7853981633974483 -3.141592653589793 3.141592653589793 2.356194490192345 0.0
print(math.hypot(3, 4), math.hypot(), math.hypot(-5), math.hypot(1, 2, 3), math.hypot(1e200, 1e200), math.hypot(math.inf, math.nan))  # expect: 5.0 0.0 5.0 3.7416573867739413 1.414213562373095e+200 inf
print(math.hypot(1e-320, 1e-320), math.hypot(0.1, 0.2, 0.3, 0.4))  # expect: 1.414e-320 0.5477225575051661
print(math.dist((0, 0), (3, 4)), math.dist([1, 2, 3], (4, 6, 8)), math.dist((), ()), math.dist(iter([1.5]), (0,)))  # expect: 5.0 7.0710678118654755 0.0 1.5
print(math.degrees(math.pi), math.radians(90), math.degrees(1), math.radians(1))  # expect: 180.0 1.5707963267948966 57.29577951308232 0.017453292519943295
print(math.copysign(1, -0.0), math.copysign(-3, 2), math.copysign(2, math.nan), math.fabs(-2), math.fabs(-math.inf))  # expect: -1.0 3.0 2.0 2.0 inf
print(math.fmod(10, 3), math.fmod(-10, 3), math.fmod(5.5, math.inf), math.fmod(-0.0, 1))  # expect: 1.0 -1.0 5.5 -0.0
print(math.remainder(5, 2), math.remainder(7, 2), math.remainder(-5, 2), math.remainder(10, 3), math.remainder(3, math.inf), math.remainder(-0.0, 1))  # expect: 1.0 -1.0 -1.0 1.0 3.0 -0.0
print(math.modf(3.25), math.modf(-3.25), math.modf(math.inf), math.modf(-math.inf), math.modf(0.0))  # expect: (0.25, 3.0) (-0.25, -3.0) (0.0, inf) (-0.0, -inf) (0.0, 0.0)
print(math.frexp(8), math.frexp(-0.375), math.frexp(0), math.frexp(math.inf), math.ldexp(0.5, 4), math.ldexp(1, -1080))  # expect: (0.5, 4) (-0.75, -1) (0.0, 0) (inf, 0) 8.0 0.0
print(math.ldexp(1.5, 10 ** 20 * -1), math.ldexp(math.inf, 3), math.ldexp(-0.0, 100))  # expect: 0.0 inf -0.0
print(math.pow(2, 0.5), math.pow(-2, 3), math.pow(0, 0), math.pow(math.nan, 0), math.pow(1, math.nan), math.pow(-math.inf, 3))  # expect: 1.4142135623730951 -8.0 1.0 1.0 1.0 -inf
print(math.pow(math.inf, -1), math.pow(-math.inf, -3), math.pow(0.5, -math.inf), math.pow(2, -math.inf), math.pow(-1, math.inf))  # expect: 0.0 -0.0 inf 0.0 1.0
print(math.isnan(math.nan), math.isinf(-math.inf), math.isfinite(1e308), math.isfinite(math.nan), math.isnan(5))  # expect: True True True False False
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1), math.isclose(1.0, 1.1, rel_tol=0.2), math.isclose(0, 1e-10))  # expect: True False True False
print(math.isclose(0, 1e-10, abs_tol=1e-9), math.isclose(math.inf, math.inf), math.isclose(math.inf, -math.inf), math.isclose(math.nan, math.nan))  # expect: True True False False
print(math.erf(0.5), math.erfc(0.5), math.erf(3), math.erfc(30), math.erf(-math.inf))  # expect: 0.5204998778130465 0.4795001221869535 0.9999779095030014 0.0 -1.0
print(math.gamma(5), math.gamma(0.5), math.gamma(-0.5), math.gamma(171), math.gamma(1e-300), math.gamma(-200.5))  # expect: 24.0 1.7724538509055159 -3.544907701811032 7.257415615307998e+306 9.999999999999999e+299 -0.0
print(math.lgamma(5), math.lgamma(0.5), math.lgamma(-0.5), math.lgamma(1000), math.lgamma(1), math.lgamma(math.inf))  # expect: 3.178053830347945 0.5723649429247004 1.265512123484645 5905.220423209181 0.0 inf
print(math.nextafter(1, 2), math.nextafter(1, 0), math.nextafter(0, 1), math.nextafter(2, 2))  # expect: 1.0000000000000002 0.9999999999999999 5e-324 2.0
print(math.ulp(1), math.ulp(1e300), math.ulp(0), math.ulp(-3), math.ulp(math.inf), math.ulp(1.7976931348623157e308))  # expect: 2.220446049250313e-16 1.487016908477783e+284 5e-324 4.440892098500626e-16 inf 1.99584030953472e+292
print(math.cbrt(27), math.cbrt(-8), math.cbrt(2))  # expect: 3.0000000000000004 -2.0 1.2599210498948734
print(math.floor(2.5), math.floor(-2.5), math.ceil(2.1), math.ceil(-2.1), math.trunc(-2.9), math.floor(True), math.ceil(10 ** 30))  # expect: 2 -3 3 -2 -2 1 1000000000000000000000000000000
print(math.floor(1e20), math.ceil(-1e20), math.trunc(1e300) == int(1e300), math.floor(-0.0), type(math.ceil(1.0)).__name__)  # expect: 100000000000000000000 -100000000000000000000 True 0 int
class Num:
    def __floor__(self):
        return "floored"
    def __ceil__(self):
        return "ceiled"
    def __trunc__(self):
        return "truncated"
    def __float__(self):
        return 2.5
print(math.floor(Num()), math.ceil(Num()), math.trunc(Num()), math.sqrt(Num()), math.isnan(Num()))  # expect: floored ceiled truncated 1.5811388300841898 False
class F(float):
    pass
print(math.floor(F(3.7)), math.sqrt(F(9)), math.fabs(F(-1)))  # expect: 3 3.0 1.0
