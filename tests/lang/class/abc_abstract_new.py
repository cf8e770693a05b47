# Abstract methods block instantiation (also through subclasses and
# contextlib.AbstractContextManager); __new__ assigned after class creation.
import abc
class A(abc.ABC):
    @abc.abstractmethod
    def f(self): pass
    @abc.abstractmethod
    def g(self): pass
class B(A):
    def f(self): pass
class C(B):
    def g(self): pass
for k in (A, B, C):
    try:
        print(type(k()).__name__)
    except TypeError as e:
        print("TypeError:", e)
class X:
    pass
def n(k, *a):
    print("custom new", a)
    return object.__new__(k)
X.__new__ = n
print(type(X()).__name__)
from contextlib import AbstractContextManager
class Mine(AbstractContextManager):
    pass
try:
    Mine()
except TypeError as e:
    print("TypeError:", e)
# expect: TypeError: Can't instantiate abstract class A with abstract methods f, g
# expect: TypeError: Can't instantiate abstract class B with abstract method g
# expect: C
# expect: custom new ()
# expect: X
# expect: TypeError: Can't instantiate abstract class Mine with abstract method __exit__
