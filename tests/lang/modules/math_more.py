# math: further functions (log10/log2, tau, isclose, atan2, degrees/radians, isfinite, modf, fmod).
import math
print(math.log10(1000), math.log2(1024))  # expect: 3.0 10.0
print(math.isclose(0.1 + 0.2, 0.3), math.tau == 2 * math.pi)  # expect: True True
print(math.atan2(1, 1) * 4 == math.pi, math.degrees(math.pi), math.radians(180) == math.pi)  # expect: True 180.0 True
print(math.isfinite(1.0), math.isfinite(math.inf))  # expect: True False
print(math.modf(2.5), math.fmod(-7, 3))  # expect: (0.5, 2.0) -1.0
print(math.tan(0.0), math.asin(1.0) * 2 == math.pi)  # expect: 0.0 True
print(math.floor(-0.5), math.ceil(0.5), math.floor(10 ** 20))  # expect: -1 1 100000000000000000000
