# collections.deque: both ends, rotation, indexing, searching, copying, repr.
from collections import deque

d = deque([1, 2, 3])
print(d, len(d), bool(d), bool(deque()))  # expect: deque([1, 2, 3]) 3 True False
d.append(4)
d.appendleft(0)
print(d)  # expect: deque([0, 1, 2, 3, 4])
print(d.pop(), d.popleft(), d)  # expect: 4 0 deque([1, 2, 3])
d.extend("ab")
d.extendleft([10, 20])
print(d)  # expect: deque([20, 10, 1, 2, 3, 'a', 'b'])
d.rotate(2)
print(d)  # expect: deque(['a', 'b', 20, 10, 1, 2, 3])
d.rotate(-3)
print(d)  # expect: deque([10, 1, 2, 3, 'a', 'b', 20])
d.rotate()
print(d)  # expect: deque([20, 10, 1, 2, 3, 'a', 'b'])
d.rotate(15)   # larger than len
print(d)  # expect: deque(['b', 20, 10, 1, 2, 3, 'a'])
print(d[0], d[-1], d[3], d.index(2), d.index(2, 2, 6), d.count(1))  # expect: b a 1 4 4 1
d[0] = "B"
del d[1]
print(d)  # expect: deque(['B', 10, 1, 2, 3, 'a'])
d.remove("a")
d.insert(1, "x")
d.insert(-1, "y")
d.insert(100, "end")
d.insert(-100, "start")
print(d)  # expect: deque(['start', 'B', 'x', 10, 1, 2, 'y', 3, 'end'])
d.reverse()
print(d)  # expect: deque(['end', 3, 'y', 2, 1, 10, 'x', 'B', 'start'])
print(3 in d, 99 in d, list(reversed(d))[:3])  # expect: True False ['start', 'B', 'x']
d.clear()
print(d, len(d))  # expect: deque([]) 0

# Copies, concatenation, repetition, comparison.
a = deque([1, 2, 3])
b = a.copy()
b.append(4)
print(a, b, a.__copy__() == a, a.__copy__() is a)  # expect: deque([1, 2, 3]) deque([1, 2, 3, 4]) True False
print(a + b)  # expect: deque([1, 2, 3, 1, 2, 3, 4])
print(a * 2, 2 * deque("ab"), deque([1]) * 0)  # expect: deque([1, 2, 3, 1, 2, 3]) deque(['a', 'b', 'a', 'b']) deque([])
c = deque([1])
c += [2, 3]
c *= 2
print(c)  # expect: deque([1, 2, 3, 1, 2, 3])
print(a == deque([1, 2, 3]), a != b, a < b, deque([2]) > deque([1, 9]), a == [1, 2, 3])  # expect: True True True True False
print(deque([1, 2]) <= deque([1, 2]), deque() >= deque())  # expect: True True

# Iteration and construction from any iterable.
print(list(deque(range(5))), deque("hello"), deque(x * x for x in range(4)))
# expect: [0, 1, 2, 3, 4] deque(['h', 'e', 'l', 'l', 'o']) deque([0, 1, 4, 9])
print(sum(deque(range(101))), sorted(deque([3, 1, 2])), max(deque([3, 9, 2])))  # expect: 5050 [1, 2, 3] 9
d = deque([1, 2])
d.extend(d)
print(d)  # expect: deque([1, 2, 1, 2])
d.__init__([7, 8])
print(d)  # expect: deque([7, 8])

# A recursive deque.
r = deque()
r.append(r)
print(r)  # expect: deque([[...]])

# A large deque used as a FIFO grows and shrinks.
big = deque()
for i in range(10000):
    big.append(i)
for i in range(9995):
    big.popleft()
print(big, big[0], big[-1])  # expect: deque([9995, 9996, 9997, 9998, 9999]) 9995 9999
for i in range(10000):
    big.appendleft(i)
print(len(big), big[0], big[9999], big[10000])  # expect: 10005 9999 0 9995

# Subclasses keep their type through copy() and show their name in repr.
class Stack(deque):
    def peek(self):
        return self[-1]
s = Stack([1, 2, 3], maxlen=5)
print(s, s.peek(), type(s.copy()).__name__, s.copy().maxlen)  # expect: Stack([1, 2, 3], maxlen=5) 3 Stack 5
print(type(s + s).__name__, isinstance(s, deque))  # expect: Stack True
print(type(deque).__name__, deque.__name__, repr(deque))  # expect: type deque <class 'collections.deque'>
