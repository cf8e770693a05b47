# float: inf and nan behaviour.
inf = float("inf")
nan = float("nan")
print(inf, -inf)  # expect: inf -inf
print(nan)  # expect: nan
print(nan == nan)  # expect: False
print(nan != nan)  # expect: True
print(nan < 1, nan > 1)  # expect: False False
print(inf > 10 ** 400)  # expect: True
print(inf + 1 == inf)  # expect: True
print(inf - inf)  # expect: nan
print(inf * 0)  # expect: nan
print(float("-inf") < -1e308)  # expect: True
print(1e308 * 10)  # expect: inf
print(float("INF"), float("Infinity"), float("NaN"))  # expect: inf inf nan
x = nan
print(x is x, [x] == [x])  # expect: True True
print(repr(inf))  # expect: inf
print(1 / inf)  # expect: 0.0
print(-1 / inf)  # expect: -0.0
try:
    int(inf)
except OverflowError as e:
    print("OverflowError:", e)  # expect: OverflowError: cannot convert float infinity to integer
try:
    int(nan)
except ValueError as e:
    print("ValueError:", e)  # expect: ValueError: cannot convert float NaN to integer
