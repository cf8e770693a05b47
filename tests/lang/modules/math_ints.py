# math: integer functions on arbitrary-precision ints, and exact summation.
import math
print(math.factorial(0), math.factorial(1), math.factorial(20), math.factorial(21), math.factorial(True))  # expect: 1 1 2432902008176640000 51090942171709440000 1
print(math.factorial(100))  # expect: 93326215443944152681699238856266700490715968264381621468592963895217599993229915608941463976156518286253697920827223758251185210916864000000000000000000000000
print(len(str(math.factorial(1000))), math.factorial(1000) % (10 ** 9 + 7))  # expect: 2568 641419708
print(math.isqrt(0), math.isqrt(15), math.isqrt(16), math.isqrt(2 ** 64), math.isqrt(10 ** 40 + 1), math.isqrt(True))  # expect: 0 3 4 4294967296 100000000000000000000 1
print(math.isqrt(2 ** 1000) == 2 ** 500, math.isqrt(3 ** 301))  # expect: True 640838854296277144804798255578758614044317540884078525220657498333891458
print(math.gcd(), math.gcd(-12), math.gcd(12, 18), math.gcd(0, 0), math.gcd(-4, 6), math.gcd(12, 18, 8), math.gcd(2 ** 200, 6 ** 100))  # expect: 0 12 6 0 2 2 1267650600228229401496703205376
print(math.lcm(), math.lcm(-4), math.lcm(4, 6), math.lcm(4, 6, 0), math.lcm(3, 5, 7), math.lcm(2 ** 70, 3), math.lcm(-2, 3))  # expect: 1 4 12 0 105 3541774862152233910272 6
print(math.comb(5, 0), math.comb(5, 5), math.comb(5, 6), math.comb(10, 3), math.comb(100, 50), math.comb(0, 0))  # expect: 1 1 0 120 100891344545564193334812497256 1
print(math.comb(10 ** 20, 2), math.comb(10 ** 20, 10 ** 20 - 1), math.comb(True, 1))  # expect: 4999999999999999999950000000000000000000 100000000000000000000 1
print(math.perm(5), math.perm(5, 2), math.perm(5, 0), math.perm(5, 6), math.perm(20, 20), math.perm(10 ** 12, 3), math.perm(6, None))  # expect: 120 20 1 0 2432902008176640000 999999999997000000000002000000000000 720
print(math.prod([]), math.prod([1, 2, 3, 4]), math.prod(range(1, 21)), math.prod(range(1, 30)), math.prod([2.0, 3]), math.prod([2, 0.5]))  # expect: 1 24 2432902008176640000 8841761993739701954543616000000 6.0 1.0
print(math.prod([1, 2], start=10), math.prod([], start="s"), math.prod(["ab"], start=3), math.prod([10 ** 10] * 3))  # expect: 20 s ababab 1000000000000000000000000000000
print(math.prod([2 ** 62, 4]), math.prod([-(2 ** 62), 2]), math.prod([True, 5]), math.prod(x for x in [1.5, 2, 4]))  # expect: 18446744073709551616 -9223372036854775808 5 12.0
print(sum([0.1] * 10), math.fsum([0.1] * 10), math.fsum([]), math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]))  # expect: 0.9999999999999999 1.0 0.0 1e-100
print(math.fsum([1e-16, 1, 1e16]), math.fsum([1, 2 ** 53, -2 ** 53]), math.fsum(range(10)), math.fsum([math.inf, 1]))  # expect: 1.0000000000000002e+16 1.0 45.0 inf
print(math.fsum([math.nan, 1]), math.fsum([-0.0]), math.fsum([1e308, -1e308, 1e308]), math.fsum(iter([0.5, 0.25])))  # expect: nan 0.0 1e+308 0.75
print(math.fsum([2.0 ** 1023, 2.0 ** 1023, -2.0 ** 1023]) if False else "skip", math.fsum([0.3, 0.6, -0.9]))  # expect: skip -5.551115123125783e-17
