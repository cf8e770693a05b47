# heapq.merge: lazy, stable, with key and reverse.
import heapq

print(list(heapq.merge([1, 3, 5, 7], [0, 2, 4, 8], [5, 10, 15, 20], [], [25])))
# expect: [0, 1, 2, 3, 4, 5, 5, 7, 8, 10, 15, 20, 25]
print(list(heapq.merge()))  # expect: []
print(list(heapq.merge([], [])))  # expect: []
print(list(heapq.merge([1, 2])))  # expect: [1, 2]
print(list(heapq.merge([3, 2, 1], [4, 0], reverse=True)))  # expect: [4, 3, 2, 1, 0]
print(list(heapq.merge(['dog', 'horse'], ['cat', 'fish', 'kangaroo'], key=len)))
# expect: ['dog', 'cat', 'fish', 'horse', 'kangaroo']
print(list(heapq.merge(['kangaroo', 'fish'], ['horse', 'cat'], key=len, reverse=True)))
# expect: ['kangaroo', 'horse', 'fish', 'cat']

# Stability: equal items come out in the order of their inputs.
a = [(1, 'a1'), (2, 'a2')]
b = [(1, 'b1'), (2, 'b2')]
print(list(heapq.merge(a, b, key=lambda t: t[0])))
# expect: [(1, 'a1'), (1, 'b1'), (2, 'a2'), (2, 'b2')]

# Lazy: works on generators and infinite inputs.
def count(start, step):
    n = start
    while True:
        yield n
        n += step
m = heapq.merge(count(0, 3), count(1, 3), count(2, 3))
print([next(m) for _ in range(10)])  # expect: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
g = heapq.merge(iter([1, 4]), iter([2, 3]))
print(next(g), type(g).__name__)  # expect: 1 generator
