# A class made by a metaclass keeps its attributes in its own __dict__
# (classes are type objects: no extra instance dict slot), as abc.ABCMeta
# and collections.abc rely on.
class Meta(type):
    def hello(cls):
        return "hello " + cls.__name__

class A(metaclass=Meta):
    x = 1

A.y = 2
print(A.hello(), A.x, A.y, type(A).__name__)  # expect: hello A 1 2 Meta
print(sorted(k for k in A.__dict__ if not k.startswith("__")))  # expect: ['x', 'y']
print("hello" in Meta.__dict__, "x" in A.__dict__, "hello" in A.__dict__)  # expect: True True False

B = Meta("B", (A,), {"q": 5})
print(B.q, B.x, B.__dict__["q"], "x" in B.__dict__, B.hello())  # expect: 5 1 5 False hello B

class M2(Meta):
    def __new__(mcls, name, bases, ns, **kw):
        cls = super().__new__(mcls, name, bases, ns, **kw)
        cls.registry = []
        return cls

class C(metaclass=M2):
    def m(self):
        return 1

print(C.registry, "registry" in C.__dict__, sorted(k for k in C.__dict__ if not k.startswith("__")))  # expect: [] True ['m', 'registry']
print(C().m(), isinstance(C(), C), type(C) is M2)  # expect: 1 True True
