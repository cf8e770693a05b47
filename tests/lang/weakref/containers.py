# WeakValueDictionary, WeakKeyDictionary and WeakSet drop an entry as soon as
# its object dies; WeakMethod, finalize and proxy.
import weakref


class Obj:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return f"Obj({self.n})"

    def hello(self):
        return f"hello from {self.n}"


# WeakValueDictionary: a cache that does not keep its values alive.
objs = [Obj(i) for i in range(5)]
cache = weakref.WeakValueDictionary()
for o in objs:
    cache[o.n] = o
del o
print(len(cache), sorted(cache.keys()), cache[2])  # expect: 5 [0, 1, 2, 3, 4] Obj(2)
del objs[2]
print(len(cache), 2 in cache, cache.get(2, "gone"), sorted(cache))  # expect: 4 False gone [0, 1, 3, 4]
try:
    cache[2]
except KeyError as e:
    print("KeyError", e)  # expect: KeyError 2
for k, v in cache.items():
    if k == 0:
        del objs[0]  # dies during the loop: no RuntimeError
del k, v
print(sorted(cache.items(), key=lambda kv: kv[0]))  # expect: [(1, Obj(1)), (3, Obj(3)), (4, Obj(4))]
print(cache.pop(1), cache.setdefault(9, objs[-1]), len(cache))  # expect: Obj(1) Obj(4) 3
objs.clear()
print(len(cache), list(cache.values()))  # expect: 0 []

# WeakKeyDictionary: data attached to objects without keeping them alive.
a, b = Obj("a"), Obj("b")
meta = weakref.WeakKeyDictionary({a: 1})
meta[b] = 2
print(len(meta), meta[a], b in meta, Obj("c") in meta, 5 in meta)  # expect: 2 1 True False False
del a
print(len(meta), list(meta.values()), list(meta.keys()))  # expect: 1 [2] [Obj(b)]
print(meta.pop(b), len(meta))  # expect: 2 0

# WeakSet.
items = [Obj(i) for i in range(4)]
ws = weakref.WeakSet(items)
print(len(ws), items[1] in ws, Obj(9) in ws)  # expect: 4 True False
items.pop()
print(len(ws), sorted(o.n for o in ws))  # expect: 3 [0, 1, 2]
ws.discard(items[0])
print(len(ws), items[0] in ws)  # expect: 2 False
other = weakref.WeakSet([items[1]])
print(sorted(o.n for o in ws - other), other <= ws, ws == weakref.WeakSet(items[1:]))  # expect: [2] True True
items.clear()
print(len(ws), list(ws))  # expect: 0 []

# WeakMethod: a bound method made on the fly would die at once.
o = Obj("m")
wm = weakref.WeakMethod(o.hello)
print(wm()(), weakref.ref(o.hello)())  # expect: hello from m None
called = []
wm2 = weakref.WeakMethod(o.hello, lambda r: called.append(r is wm2))
del o
print(wm(), called)  # expect: None [True]
try:
    weakref.WeakMethod(len)
except TypeError as e:
    print("TypeError")  # expect: TypeError

# finalize: runs once, when the object dies or when called.
log = []
x = Obj("x")
f = weakref.finalize(x, log.append, "x died")
print(f.alive, f.peek()[1:] == (log.append, ("x died",), {}))  # expect: True True
del x
print(log, f.alive, f())  # expect: ['x died'] False None
y = Obj("y")
g = weakref.finalize(y, lambda *a, **k: f"called {a} {k}", 1, key=2)
print(g(), g.alive, g())  # expect: called (1,) {'key': 2} False None
z = Obj("z")
h = weakref.finalize(z, log.append, "never")
print(h.detach()[0], h.alive, h.detach())  # expect: Obj(z) False None
del z
print(log)  # expect: ['x died']
keep = Obj("keep")
weakref.finalize(keep, print, "finalized at exit")

# proxy.
p_obj = Obj("p")
p = weakref.proxy(p_obj)
print(p.n, p.hello(), str(p), isinstance(p, weakref.ProxyTypes))  # expect: p hello from p Obj(p) True
p.n = "q"
print(p_obj.n)  # expect: q
del p_obj
try:
    p.n
except ReferenceError as e:
    print("ReferenceError:", e)  # expect: ReferenceError: weakly-referenced object no longer exists
lst_holder = [Obj(1)]
cp = weakref.proxy(len)
print(cp([1, 2, 3]))  # expect: 3
# expect: finalized at exit
