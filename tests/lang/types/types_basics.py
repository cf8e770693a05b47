# types: the type names, MethodType, ModuleType, SimpleNamespace.
# types: the type names and SimpleNamespace.
import types, sys
def f():
    yield
async def co():
    pass
class C:
    def m(self):
        pass
c = co()
print(types.FunctionType is type(f), types.LambdaType is type(lambda: 0),
      types.GeneratorType is type(f()), types.CoroutineType is type(c),
      types.MethodType is type(C().m), types.BuiltinFunctionType is type(len),
      types.ModuleType is type(sys), types.CodeType is type(f.__code__),
      types.NoneType is type(None), types.BuiltinMethodType is type([].append))
c.close()
print(types.FunctionType.__name__, types.GeneratorType.__name__, types.MethodType.__name__,
      types.ModuleType.__name__, types.CoroutineType.__name__)
m = types.MethodType(lambda self, x: (self, x), "obj")
print(m(1), m.__self__)
try:
    types.MethodType(1, 2)
except TypeError as e:
    print("TypeError:", e)
mod = types.ModuleType("mymod", "doc")
mod.x = 1
print(mod.__name__, mod.__doc__, mod.x)

ns = types.SimpleNamespace(b=2, a="x")
print(ns, ns.a, ns.b)
ns.c = [ns]
print(ns)
del ns.b
print(ns, ns == types.SimpleNamespace(a="x", c=ns.c), ns != types.SimpleNamespace())
print(types.SimpleNamespace())
class NS(types.SimpleNamespace):
    pass
print(NS(z=1), NS(z=1) == types.SimpleNamespace(z=1))
try:
    types.SimpleNamespace(1)
except TypeError as e:
    print("TypeError:", e)
# expect: True True True True True True True True True True
# expect: function generator method module coroutine
# expect: ('obj', 1) obj
# expect: TypeError: first argument must be callable
# expect: mymod doc 1
# expect: namespace(b=2, a='x') x 2
# expect: namespace(b=2, a='x', c=[namespace(...)])
# expect: namespace(a='x', c=[namespace(...)]) True True
# expect: namespace()
# expect: NS(z=1) True
# expect: TypeError: no positional arguments expected
