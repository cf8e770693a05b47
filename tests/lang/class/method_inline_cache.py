# obj.method() from one code location while the method is shadowed by an
# instance attribute, replaced on the class or a base, or the instance
# changes class (the interpreter may cache where it found the method).


class A:
    def m(self):
        return "A.m"


class B(A):
    pass


def call_m(o):
    return o.m()


a = A()
b = B()
for _ in range(3):
    print(call_m(a), call_m(b))

# An instance attribute shadows the method; removing it un-shadows.
a.m = lambda: "instance"
print(call_m(a), call_m(b))
del a.m
print(call_m(a))

# Many instance attributes (so the name may share a probe slot with one).
for i in range(40):
    setattr(b, "attr%d" % i, i)
print(call_m(b))
b.m = lambda: "b instance"
print(call_m(b))
del b.m
print(call_m(b))

# The method replaced on the class and on a base.
A.m = lambda self: "new A.m"
print(call_m(a), call_m(b))
B.m = lambda self: "B.m"
print(call_m(a), call_m(b))
del B.m
print(call_m(b))


# The class of the instance changes.
class C:
    def m(self):
        return "C.m"


b.__class__ = C
print(call_m(b))


# Builtin types and a class without instance dicts.
class S:
    __slots__ = ("x",)

    def m(self):
        return "S.m"


def call_append(x):
    x.append(1)
    return len(x)


print(call_append([]), call_append([0]), call_m(S()))


# A staticmethod and a classmethod at the same site as a plain method.
class D:
    @staticmethod
    def m():
        return "static"


class E:
    @classmethod
    def m(cls):
        return "class " + cls.__name__


print(call_m(D()), call_m(E()), call_m(C()))
# expect: A.m A.m
# expect: A.m A.m
# expect: A.m A.m
# expect: instance A.m
# expect: A.m
# expect: A.m
# expect: b instance
# expect: A.m
# expect: new A.m new A.m
# expect: new A.m B.m
# expect: new A.m
# expect: C.m
# expect: 1 2 S.m
# expect: static class E C.m


# module.function() from one location while the module's dict changes.
import types

mod = types.ModuleType("mod")
mod.f = lambda: "f1"


def call_f(m):
    return m.f()


print(call_f(mod), call_f(mod))
mod.f = lambda: "f2"
print(call_f(mod))
del mod.f
try:
    call_f(mod)
except AttributeError as e:
    print("AttributeError", e)
mod.__getattr__ = lambda name: (lambda: "from __getattr__ " + name)
print(call_f(mod))
for i in range(20):
    setattr(mod, "g%d" % i, i)
mod.f = lambda: "f3"
print(call_f(mod))
other = types.ModuleType("other")
other.f = lambda: "other f"
print(call_f(other), call_f(mod))
# expect: f1 f1
# expect: f2
# expect: AttributeError module 'mod' has no attribute 'f'
# expect: from __getattr__ f
# expect: f3
# expect: other f f3
