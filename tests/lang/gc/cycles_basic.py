# Reference cycles are found by gc.collect(), which returns how many
# unreachable objects it found.
import gc

gc.collect()
l = []
l.append(l)
del l
print(gc.collect())         # expect: 1

d = {}
d["self"] = d
del d
print(gc.collect())         # expect: 1

a = []
b = [a]
a.append(b)
del a, b
print(gc.collect())         # expect: 2

# A list and a tuple holding each other.
x = [1]
t = (x, 2)
x.append(t)
del x, t
print(gc.collect())         # expect: 2

# Nothing left over.
print(gc.collect())         # expect: 0

# Reachable cycles stay.
keep = []
keep.append(keep)
print(gc.collect())         # expect: 0
print(keep[0] is keep)      # expect: True

# Closures: a function that refers to itself through its cell.
def make():
    def f():
        return f
    return f
g = make()
del g
print(gc.collect())         # expect: 3

# Instances in a cycle are destroyed (their __del__ runs).
class Node:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

n1 = Node("n1")
n2 = Node("n2")
n1.other = n2
n2.other = n1
del n1, n2
print("collecting")         # expect: collecting
found = gc.collect()
# expect: del n1
# expect: del n2
print(found > 0)            # expect: True
print(gc.collect())         # expect: 0

# Self-reference.
s = Node("self")
s.me = s
del s
gc.collect()                # expect: del self
print("end")                # expect: end
