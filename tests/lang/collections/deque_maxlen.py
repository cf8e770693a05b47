# Bounded deques: items fall off the other end.
from collections import deque

d = deque(maxlen=3)
print(d, d.maxlen)  # expect: deque([], maxlen=3) 3
for i in range(5):
    d.append(i)
print(d)  # expect: deque([2, 3, 4], maxlen=3)
d.appendleft(9)
print(d)  # expect: deque([9, 2, 3], maxlen=3)
d.extend([10, 11])
print(d)  # expect: deque([3, 10, 11], maxlen=3)
d.extendleft("ab")
print(d)  # expect: deque(['b', 'a', 3], maxlen=3)
print(deque("abcdef", maxlen=2), deque(maxlen=0), deque(range(3), 0))  # expect: deque(['e', 'f'], maxlen=2) deque([], maxlen=0) deque([], maxlen=0)
z = deque(maxlen=0)
z.append(1)
z.extend(range(100))
print(z, len(z))  # expect: deque([], maxlen=0) 0
print(deque([1]).maxlen)  # expect: None

# Keeping the last N lines, the classic use.
def tail(lines, n):
    return list(deque(lines, maxlen=n))
print(tail(["l%d" % i for i in range(10)], 3))  # expect: ['l7', 'l8', 'l9']

# Repetition respects maxlen (the tail survives).
r = deque([1, 2, 3], maxlen=4)
r *= 3
print(r)  # expect: deque([3, 1, 2, 3], maxlen=4)
print(deque("ab", maxlen=3) * 2)  # expect: deque(['b', 'a', 'b'], maxlen=3)
print(deque([1, 2], maxlen=3) + deque([3, 4]))  # expect: deque([2, 3, 4], maxlen=3)

full = deque([1, 2], maxlen=2)
try:
    full.insert(0, 5)
except IndexError as e:
    print("IndexError:", e)  # expect: IndexError: deque already at its maximum size
try:
    deque(maxlen=-1)
except ValueError as e:
    print("ValueError:", e)  # expect: ValueError: maxlen must be non-negative
try:
    d.maxlen = 5
except AttributeError:
    print("maxlen is read-only")  # expect: maxlen is read-only
