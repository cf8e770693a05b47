# The gc module's control functions.
import gc

print(gc.get_threshold())           # expect: (700, 10, 10)
print(gc.isenabled())               # expect: True
gc.disable()
print(gc.isenabled())               # expect: False
gc.enable()
print(gc.isenabled())               # expect: True

gc.set_threshold(500)
print(gc.get_threshold())           # expect: (500, 10, 10)
gc.set_threshold(100, 5, 3)
print(gc.get_threshold())           # expect: (100, 5, 3)
gc.set_threshold(700, 10, 10)

c = gc.get_count()
print(type(c).__name__, len(c))     # expect: tuple 3
print(all(type(x) is int for x in c))   # expect: True

print(gc.is_tracked(1), gc.is_tracked("text"), gc.is_tracked(None))  # expect: False False False
print(gc.is_tracked([]), gc.is_tracked(gc.is_tracked))  # expect: True True
class C:
    pass
print(gc.is_tracked(C()), gc.is_tracked(C))     # expect: True True
print(gc.is_tracked(int))           # expect: False

print(gc.garbage)                   # expect: []
print(gc.collect(0) >= 0, gc.collect(1) >= 0, gc.collect(generation=2) >= 0)  # expect: True True True
try:
    gc.collect(3)
except ValueError as e:
    print(e)                        # expect: invalid generation
try:
    gc.set_threshold()
except TypeError:
    print("TypeError")              # expect: TypeError

# get_referents: what an object refers to.
a = [1, "x"]
print(sorted(map(str, gc.get_referents(a))))   # expect: ['1', 'x']
box = [a]
print(any(r is box for r in gc.get_referrers(a)))   # expect: True

# callbacks see each collection.
seen = []
def cb(phase, info):
    seen.append((phase, info["generation"]))
gc.callbacks.append(cb)
gc.collect()
gc.callbacks.remove(cb)
print(seen)                         # expect: [('start', 2), ('stop', 2)]

# is_finalized
class F:
    def __del__(self):
        pass
f = F()
print(gc.is_finalized(f))           # expect: False
f.me = f
keep = []
class G:
    def __del__(self):
        keep.append(self)
g = G()
g.me = g
del g
gc.collect()
print(gc.is_finalized(keep[0]))     # expect: True
keep.clear()
gc.collect()
