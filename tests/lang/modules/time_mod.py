# time: only non-timing properties (monotonic increase, sleep returns None, types).
import time
a = time.perf_counter()
r = time.sleep(0.01)
b = time.perf_counter()
print(r)  # expect: None
print(b > a, b - a >= 0.005)  # expect: True True
m1 = time.monotonic()
m2 = time.monotonic()
print(m2 >= m1)  # expect: True
t = time.time()
print(type(t).__name__, t > 1_600_000_000)  # expect: float True
print(type(time.perf_counter()).__name__)  # expect: float
time.sleep(0)
print("slept zero")  # expect: slept zero
