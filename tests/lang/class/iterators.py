# User iterators: __iter__/__next__ with StopIteration drive for loops, list(), in, sum.
class Countdown:
    def __init__(self, start):
        self.n = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
for x in Countdown(3):
    print(x)
# expect: 3
# expect: 2
# expect: 1
print(list(Countdown(4)))  # expect: [4, 3, 2, 1]
print(sum(Countdown(10)))  # expect: 55
print(2 in Countdown(5))  # expect: True
class Range2:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return Range2Iter(self.n)
class Range2Iter:
    def __init__(self, n):
        self.i, self.n = 0, n
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i
r = Range2(3)
print(list(r), list(r))  # expect: [1, 2, 3] [1, 2, 3]
print([a * b for a in r for b in r if a < b])  # expect: [2, 3, 6]
it = iter(Countdown(2))
print(next(it), next(it), next(it, "done"))  # expect: 2 1 done
a, b, c = Countdown(3)
print(a, b, c)  # expect: 3 2 1
for i, v in enumerate(Countdown(2)):
    print(i, v)
# expect: 0 2
# expect: 1 1
print(dict(zip(Range2(2), "ab")))  # expect: {1: 'a', 2: 'b'}
