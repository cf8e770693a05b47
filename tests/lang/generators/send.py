# value = yield expr, driven with send(): a counter that resets, a state machine, and the rules.


# The send-driven counter: next() counts up, send(n) jumps to n, send("reset") starts over.
def counter(start=0):
    count = start
    while True:
        command = yield count
        if command == "reset":
            count = start
        elif command is not None:
            count = command
        else:
            count += 1


c = counter()
print(next(c))  # expect: 0
print(next(c), next(c), next(c))  # expect: 1 2 3
print(c.send("reset"))  # expect: 0
print(next(c))  # expect: 1
print(c.send(10), next(c))  # expect: 10 11
print(c.send("reset"), c.send(None))  # expect: 0 1


# A running average: each send() returns the average so far.
def averager():
    total = 0.0
    count = 0
    average = None
    while True:
        value = yield average
        total += value
        count += 1
        average = total / count


avg = averager()
next(avg)  # "prime" it: run to the first yield
print(avg.send(10), avg.send(20), avg.send(60))  # expect: 10.0 15.0 30.0


# A finite-state machine driven by send: recognises a number like -12.5 character by character.
def number_recognizer():
    state = "start"
    accepted = None
    while True:
        ch = yield accepted
        if ch == "$":  # end of input
            accepted = state in ("int", "frac")
            state = "start"
            continue
        accepted = None
        if state == "start":
            state = "sign" if ch in "+-" else "int" if ch.isdigit() else "error"
        elif state == "sign":
            state = "int" if ch.isdigit() else "error"
        elif state == "int":
            state = "int" if ch.isdigit() else "dot" if ch == "." else "error"
        elif state == "dot":
            state = "frac" if ch.isdigit() else "error"
        elif state == "frac":
            state = "frac" if ch.isdigit() else "error"


fsm = number_recognizer()
next(fsm)
for text in ["-12.5", "42", "+", "3.", "1.2.3", "007", "x1"]:
    for ch in text:
        fsm.send(ch)
    print(text, fsm.send("$"))
# expect: -12.5 True
# expect: 42 True
# expect: + False
# expect: 3. False
# expect: 1.2.3 False
# expect: 007 True
# expect: x1 False


# A traffic light whose transitions depend on the event sent in, tracing its states.
def traffic_light():
    state = "red"
    while True:
        event = yield state
        if event == "emergency":
            state = "flashing"
        elif state == "flashing":
            state = "red" if event == "clear" else "flashing"
        elif event == "timer":
            state = {"red": "green", "green": "yellow", "yellow": "red"}[state]


light = traffic_light()
print(next(light), light.send("timer"), light.send("timer"), light.send("emergency"),
      light.send("timer"), light.send("clear"), light.send("timer"))
# expect: red green yellow flashing flashing red green

# next(g) is send(None); the first resume must be next() or send(None).
def echo():
    received = []
    while True:
        v = yield received[-1] if received else "nothing yet"
        received.append(v)


e = echo()
print(e.send(None))  # expect: nothing yet
print(e.send("a"), next(e), e.send((1, 2)))  # expect: a None (1, 2)

e = echo()
try:
    e.send("too early")
except TypeError as err:
    print(err)  # expect: can't send non-None value to a just-started generator
print(e.gi_suspended, e.send(None))  # expect: False nothing yet

# The value of a bare `yield` is what was sent in; a yield expression can be used in expressions.
def adder():
    x = yield
    y = yield
    yield x + y


a = adder()
next(a)
a.send(3)
print(a.send(4))  # expect: 7


def doubler():
    result = None
    while True:
        result = 2 * (yield result)


d = doubler()
next(d)
print(d.send(5), d.send(21))  # expect: 10 42

# send() on a finished generator raises StopIteration (no value).
def once():
    got = yield "only"
    return got


o = once()
next(o)
try:
    o.send("back")
except StopIteration as s:
    print("returned", s.value)  # expect: returned back
try:
    o.send("again")
except StopIteration as s:
    print("finished", s.args)  # expect: finished ()

# Argument errors, as CPython words them.
g = echo()
for call in (lambda: g.send(), lambda: g.send(1, 2), lambda: g.send(value=1),
             lambda: g.close(1), lambda: g.close(now=True), lambda: g.throw(),
             lambda: g.throw(ValueError, 1, None, 4), lambda: g.throw(exc=ValueError)):
    try:
        call()
    except TypeError as err:
        print(err)
# expect: generator.send() takes exactly one argument (0 given)
# expect: generator.send() takes exactly one argument (2 given)
# expect: generator.send() takes no keyword arguments
# expect: generator.close() takes no arguments (1 given)
# expect: generator.close() takes no keyword arguments
# expect: throw expected at least 1 argument, got 0
# expect: throw expected at most 3 arguments, got 4
# expect: generator.throw() takes no keyword arguments
