# set: add, remove, discard, pop, clear, update, union/intersection/difference, subset tests.
s = {1, 2}
s.add(3)
s.add(2)
print(s)  # expect: {1, 2, 3}
s.remove(1)
s.discard(100)
s.discard(2)
print(s)  # expect: {3}
print(s.pop(), s)  # expect: 3 set()
s.update([4, 5], {6})
print(s)  # expect: {4, 5, 6}
print(s.union({1}), s.intersection([5, 6, 7]))  # expect: {1, 4, 5, 6} {5, 6}
print(s.difference({4}), s.symmetric_difference({4, 7}))  # expect: {5, 6} {5, 6, 7}
print({1, 2}.issubset({1, 2, 3}), {1, 2}.issuperset({2}))  # expect: True True
print({1}.isdisjoint({2}), {1}.isdisjoint({1}))  # expect: True False
t = s.copy()
t.clear()
print(t, len(s))  # expect: set() 3
try:
    s.remove(42)
except KeyError as e:
    print("KeyError", e)  # expect: KeyError 42
try:
    set().pop()
except KeyError as e:
    print(e)  # expect: 'pop from an empty set'
try:
    {[1]}
except TypeError as e:
    print(e)  # expect: unhashable type: 'list'
