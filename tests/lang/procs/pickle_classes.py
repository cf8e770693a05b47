# pickle and user classes: the default __dict__ copy, __reduce__,
# __reduce_ex__, __getstate__/__setstate__, __getnewargs__, subclasses of
# built-in types, exceptions, classes and functions by reference.
import pickle

from mod_pickle_classes import Record, Outer, helper


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)


class Secret:
    def __init__(self, public, secret):
        self.public = public
        self.secret = secret

    def __getstate__(self):
        state = self.__dict__.copy()
        del state["secret"]
        return state

    def __setstate__(self, state):
        self.__dict__.update(state)
        self.secret = "restored"


class Doubler:
    def __init__(self, n):
        self.n = n

    def __reduce__(self):
        return (Doubler, (self.n * 2,))


class Versioned:
    def __reduce_ex__(self, protocol):
        return (Versioned.rebuild, (protocol,))

    @staticmethod
    def rebuild(protocol):
        v = Versioned()
        v.protocol = protocol
        return v


class Pos:
    def __new__(cls, a, b):
        self = object.__new__(cls)
        self.args = (a, b)
        return self

    def __getnewargs__(self):
        return self.args


class MyInt(int):
    pass


class MyList(list):
    pass


class MyDict(dict):
    pass


class AppError(Exception):
    pass


class CodeError(Exception):
    def __init__(self, code, message):
        super().__init__(code, message)
        self.code = code


for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    p = pickle.loads(pickle.dumps(Point(1, [2, 3]), proto))
    print(proto, p, type(p) is Point)
# expect: 0 Point(1, [2, 3]) True
# expect: 1 Point(1, [2, 3]) True
# expect: 2 Point(1, [2, 3]) True
# expect: 3 Point(1, [2, 3]) True
# expect: 4 Point(1, [2, 3]) True
# expect: 5 Point(1, [2, 3]) True

r = pickle.loads(pickle.dumps([Record("a", 1), Record("b", [2])]))
print(r, r == [Record("a", 1), Record("b", [2])])
# expect: [Record('a', 1), Record('b', [2])] True

s = pickle.loads(pickle.dumps(Secret("pub", "hidden")))
print(s.public, s.secret)
# expect: pub restored

print(pickle.loads(pickle.dumps(Doubler(5))).n)
# expect: 10
print(pickle.loads(pickle.dumps(Versioned(), 3)).protocol)
# expect: 3
print(pickle.loads(pickle.dumps(Pos(1, "b"))).args)
# expect: (1, 'b')

mi = pickle.loads(pickle.dumps(MyInt(7)))
ml = pickle.loads(pickle.dumps(MyList([1, 2])))
md = pickle.loads(pickle.dumps(MyDict(a=1)))
print(type(mi).__name__, mi, type(ml).__name__, ml, type(md).__name__, md)
# expect: MyInt 7 MyList [1, 2] MyDict {'a': 1}

# A point that refers to itself.
p = Point(0, None)
p.y = p
r = pickle.loads(pickle.dumps(p))
print(r.y is r)
# expect: True

# Exceptions: same type, same args, extra attributes kept.
for exc in [ValueError("bad value"), KeyError("k"), ZeroDivisionError("division by zero"),
            AppError("app", 2), CodeError(404, "not found"), OSError(2, "No such file", "f.txt"),
            FileNotFoundError(2, "No such file or directory")]:
    r = pickle.loads(pickle.dumps(exc))
    print(type(r).__name__, r.args, str(r))
# expect: ValueError ('bad value',) bad value
# expect: KeyError ('k',) 'k'
# expect: ZeroDivisionError ('division by zero',) division by zero
# expect: AppError ('app', 2) ('app', 2)
# expect: CodeError (404, 'not found') (404, 'not found')
# expect: FileNotFoundError (2, 'No such file') [Errno 2] No such file: 'f.txt'
# expect: FileNotFoundError (2, 'No such file or directory') [Errno 2] No such file or directory

e = pickle.loads(pickle.dumps(CodeError(500, "oops")))
print(e.code)
# expect: 500

# Classes and functions travel by module and qualified name.
print(pickle.loads(pickle.dumps(Outer.Inner)) is Outer.Inner)
print(pickle.loads(pickle.dumps(helper))(1), pickle.loads(pickle.dumps(Point)) is Point)
# expect: True
# expect: 2 True

# A bound method: its object and the method's name.
m = pickle.loads(pickle.dumps(Record("m", 1).__repr__))
print(m())
# expect: Record('m', 1)

# object.__reduce_ex__ as CPython describes an instance.
red = Point(1, 2).__reduce_ex__(2)
print(red[0].__name__, red[1], red[2])
# expect: __newobj__ (<class '__main__.Point'>,) {'x': 1, 'y': 2}
print(Point(1, 2).__getstate__(), object().__getstate__())
# expect: {'x': 1, 'y': 2} None
