# __del__ runs when the last reference goes, once per object.
class A:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

a = A("a")
del a                       # expect: del a
b = A("b1")
b = A("b2")                 # expect: del b1
def f():
    x = A("local")
    print("in f")
f()
# expect: in f
# expect: del local
lst = [A("x"), A("y")]
lst.pop(0)                  # expect: del x
lst.clear()                 # expect: del y

# Resurrection: __del__ stores self; it is not called again.
saved = []
class R:
    def __del__(self):
        print("R del")
        saved.append(self)
r = R()
del r                       # expect: R del
print(len(saved))           # expect: 1
saved.clear()
print("after clear")        # expect: after clear

# Subclasses inherit __del__; super().__del__ works.
class B(A):
    def __del__(self):
        print("B first")
        super().__del__()
B("sub")
# expect: B first
# expect: del sub

# A pending exception is not disturbed by __del__.
try:
    try:
        raise KeyError("k")
    finally:
        t = A("during")
        del t               # expect: del during
except KeyError as e:
    print("kept", e)        # expect: kept 'k'
print("end")                # expect: end
# expect: del b2
