# nlargest / nsmallest match sorted(...)[:n], stably, with and without key.
import heapq

data = [(i * 37) % 101 for i in range(101)] + [5, 5, 5]
for n in (0, 1, 2, 5, 50, 104, 200):
    a = heapq.nsmallest(n, data) == sorted(data)[:n]
    b = heapq.nlargest(n, data) == sorted(data, reverse=True)[:n]
    c = heapq.nsmallest(n, iter(data)) == sorted(data)[:n]
    d = heapq.nlargest(n, iter(data)) == sorted(data, reverse=True)[:n]
    print(n, a, b, c, d)
# expect: 0 True True True True
# expect: 1 True True True True
# expect: 2 True True True True
# expect: 5 True True True True
# expect: 50 True True True True
# expect: 104 True True True True
# expect: 200 True True True True

print(heapq.nlargest(3, [1, 8, 3, 9, 4]))  # expect: [9, 8, 4]
print(heapq.nsmallest(3, [1, 8, 3, 9, 4]))  # expect: [1, 3, 4]
print(heapq.nsmallest(2, []), heapq.nlargest(1, []))  # expect: [] []
print(heapq.nsmallest(-1, [3, 2]))  # expect: []

# Stability with a key: equal keys keep their input order.
words = ["bb", "a", "cc", "d", "ee", "f", "ggg", "hh"]
print(heapq.nsmallest(4, iter(words), key=len))  # expect: ['a', 'd', 'f', 'bb']
print(heapq.nlargest(4, iter(words), key=len))  # expect: ['ggg', 'bb', 'cc', 'ee']
print(heapq.nlargest(1, words, key=len), heapq.nsmallest(1, words, key=len))  # expect: ['ggg'] ['a']

portfolio = [
    {'name': 'IBM', 'shares': 100, 'price': 91.1},
    {'name': 'AAPL', 'shares': 50, 'price': 543.22},
    {'name': 'FB', 'shares': 200, 'price': 21.09},
    {'name': 'HPQ', 'shares': 35, 'price': 31.75},
    {'name': 'YHOO', 'shares': 45, 'price': 16.35},
]
print([s['name'] for s in heapq.nsmallest(3, portfolio, key=lambda s: s['price'])])  # expect: ['YHOO', 'FB', 'HPQ']
print([s['name'] for s in heapq.nlargest(2, portfolio, key=lambda s: s['price'])])  # expect: ['AAPL', 'IBM']
