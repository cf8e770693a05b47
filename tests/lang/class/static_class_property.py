# staticmethod, classmethod (incl. alternate constructors on subclasses), property get/set/del.
class Temp:
    unit = "C"
    def __init__(self, c):
        self._c = c
    @staticmethod
    def c_to_f(c):
        return c * 9 / 5 + 32
    @classmethod
    def from_f(cls, f):
        return cls((f - 32) * 5 / 9)
    @classmethod
    def describe(cls):
        return f"{cls.__name__} in {cls.unit}"
    @property
    def celsius(self):
        return self._c
    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError("too cold")
        self._c = value
    @property
    def fahrenheit(self):
        return Temp.c_to_f(self._c)
class SubTemp(Temp):
    unit = "K?"
print(Temp.c_to_f(100), Temp(0).c_to_f(10))  # expect: 212.0 50.0
t = Temp.from_f(212)
print(type(t).__name__, t.celsius)  # expect: Temp 100.0
s = SubTemp.from_f(32)
print(type(s).__name__, s.celsius)  # expect: SubTemp 0.0
print(Temp.describe(), SubTemp.describe(), s.describe())  # expect: Temp in C SubTemp in K? SubTemp in K?
t.celsius = 25
print(t.celsius, t.fahrenheit)  # expect: 25 77.0
try:
    t.celsius = -300
except ValueError as e:
    print(e)  # expect: too cold
try:
    t.fahrenheit = 1
except AttributeError as e:
    print("AttributeError")  # expect: AttributeError
print(isinstance(Temp.celsius, property))  # expect: True
class Counter:
    def __init__(self):
        self._n = 0
    def get_n(self):
        return self._n
    def set_n(self, v):
        self._n = v * 2
    n = property(get_n, set_n)
c = Counter()
c.n = 5
print(c.n)  # expect: 10
