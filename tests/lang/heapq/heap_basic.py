# heappush/heappop/heapify/heapreplace/heappushpop keep the heap invariant.
import heapq

def is_heap(h):
    return all(not h[(i - 1) // 2] > h[i] for i in range(1, len(h)))

h = []
for x in [5, 3, 8, 1, 9, 2, 7]:
    heapq.heappush(h, x)
print(h[0], is_heap(h))  # expect: 1 True
print([heapq.heappop(h) for _ in range(len(h))])  # expect: [1, 2, 3, 5, 7, 8, 9]

data = [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]
heapq.heapify(data)
print(data[0], is_heap(data))  # expect: 0 True
print(heapq.heapreplace(data, 10), data[0])  # expect: 0 1
print(heapq.heappushpop(data, -1))  # expect: -1
print(heapq.heappushpop(data, 5), data[0])  # expect: 1 2
print(heapq.heappushpop([], 3))  # expect: 3

# A pseudo-random permutation sorts correctly.
vals = [(i * 7919) % 1009 for i in range(1009)]
h = []
for v in vals:
    heapq.heappush(h, v)
out = [heapq.heappop(h) for _ in range(len(h))]
print(out == sorted(vals), len(out))  # expect: True 1009
h = list(vals)
heapq.heapify(h)
print(is_heap(h))  # expect: True

# Tuples order by priority then payload; strings work too.
h = []
heapq.heappush(h, (2, "write"))
heapq.heappush(h, (1, "read"))
heapq.heappush(h, (3, "exec"))
heapq.heappush(h, (1, "alpha"))
print([heapq.heappop(h) for _ in range(4)])  # expect: [(1, 'alpha'), (1, 'read'), (2, 'write'), (3, 'exec')]
h = list("heapsort")
heapq.heapify(h)
print("".join(heapq.heappop(h) for _ in range(len(h))))  # expect: aehoprst

# Only < is used.
class Item:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return self.v < other.v
h = []
for v in [3, 1, 2]:
    heapq.heappush(h, Item(v))
print([heapq.heappop(h).v for _ in range(3)])  # expect: [1, 2, 3]
