# deque errors, with CPython's messages.
from collections import deque

d = deque([1, 2, 3])
tests = [
    lambda: deque().pop(),
    lambda: deque().popleft(),
    lambda: d[3],
    lambda: d[-4],
    lambda: d["x"],
    lambda: d[0:2],
    lambda: d.index(7),
    lambda: d.remove(7),
    lambda: hash(d),
    lambda: d + [4],
    lambda: d.rotate("x"),
    lambda: deque(5),
]
for f in tests:
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
# expect: IndexError: pop from an empty deque
# expect: IndexError: pop from an empty deque
# expect: IndexError: deque index out of range
# expect: IndexError: deque index out of range
# expect: TypeError: sequence index must be integer, not 'str'
# expect: TypeError: sequence index must be integer, not 'slice'
# expect: ValueError: 7 is not in deque
# expect: ValueError: 7 is not in deque
# expect: TypeError: unhashable type: 'collections.deque'
# expect: TypeError: can only concatenate deque (not "list") to deque
# expect: TypeError: 'str' object cannot be interpreted as an integer
# expect: TypeError: 'int' object is not iterable

try:
    d[5] = 0
except IndexError as e:
    print("IndexError:", e)  # expect: IndexError: deque index out of range
try:
    del d[5]
except IndexError as e:
    print("IndexError:", e)  # expect: IndexError: deque index out of range

# Mutating a deque while iterating over it is detected.
d = deque(range(5))
try:
    for x in d:
        if x == 2:
            d.append(99)
except RuntimeError as e:
    print("RuntimeError:", e)  # expect: RuntimeError: deque mutated during iteration
it = iter(deque([1, 2]))
dq = deque([1, 2])
it = iter(dq)
next(it)
dq.popleft()
try:
    next(it)
except RuntimeError as e:
    print("RuntimeError:", e)  # expect: RuntimeError: deque mutated during iteration
rit = reversed(dq)
dq.appendleft(0)
try:
    next(rit)
except RuntimeError as e:
    print("RuntimeError:", e)  # expect: RuntimeError: deque mutated during iteration

# Assigning an item is not a structural change: iteration goes on.
d = deque([1, 2, 3])
out = []
for i, x in enumerate(d):
    d[i] = x * 10
    out.append(x)
print(out, d)  # expect: [1, 2, 3] deque([10, 20, 30])

# A comparison that mutates the deque.
class Evil:
    def __eq__(self, other):
        victim.append(1)
        return False
victim = deque([1, 2, 3])
for name in ("count", "index", "remove"):
    try:
        getattr(victim, name)(Evil())
    except (RuntimeError, IndexError) as e:
        print(type(e).__name__ + ":", e)
# expect: RuntimeError: deque mutated during iteration
# expect: RuntimeError: deque mutated during iteration
# expect: IndexError: deque mutated during iteration
