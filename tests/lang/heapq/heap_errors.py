# Error cases of the heap functions.
import heapq

for f in (heapq.heappop, lambda h: heapq.heapreplace(h, 1)):
    try:
        f([])
    except IndexError as e:
        print("IndexError:", e)  # expect: IndexError: index out of range
# expect: IndexError: index out of range

try:
    heapq.heappush((), 1)
except TypeError as e:
    print("TypeError:", e)  # expect: TypeError: heappush() argument 1 must be list, not tuple
try:
    heapq.heapify(None)
except TypeError as e:
    print("TypeError:", e)  # expect: TypeError: heapify() argument must be list, not None

h = [1, "a"]
try:
    heapq.heappush(h, "b")
except TypeError as e:
    print("TypeError:", e)  # expect: TypeError: '<' not supported between instances of 'str' and 'int'
try:
    heapq.heappop(())
except TypeError as e:
    print("TypeError:", e)  # expect: TypeError: heappop() argument must be list, not tuple
