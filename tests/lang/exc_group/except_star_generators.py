# except* in generators: yielding inside a clause, and a group thrown in.
import sys
def gen():
    try:
        yield "start"
    except* ValueError as e:
        yield ("value", repr(e))
        yield sys.exception() is e
    except* TypeError as e:
        yield ("type", repr(e))
    yield "end"
g = gen()
print(next(g))
print(g.throw(ExceptionGroup("thrown", [ValueError(1), TypeError(2)])))
print(next(g), next(g), next(g))
g = gen()
next(g)
try:
    g.throw(KeyError("k"))
except KeyError as e:
    print("KeyError", e)
def nested():
    try:
        try:
            raise ExceptionGroup("in", [ValueError(1), TypeError(2)])
        except* ValueError:
            print("inner caught ValueError", repr(sys.exception()))
    except* TypeError as e:
        print("outer caught", repr(e))
    print(sys.exception())
nested()
# expect: start
# expect: ('value', "ExceptionGroup('thrown', [ValueError(1)])")
# expect: True ('type', "ExceptionGroup('thrown', [TypeError(2)])") end
# expect: KeyError 'k'
# expect: inner caught ValueError ExceptionGroup('in', [ValueError(1)])
# expect: outer caught ExceptionGroup('in', [TypeError(2)])
# expect: None
