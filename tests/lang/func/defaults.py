# Default argument values: evaluated once at def time, shared mutable default, keywords.
def greet(name, greeting="Hello", punct="!"):
    return f"{greeting}, {name}{punct}"
print(greet("Ann"))  # expect: Hello, Ann!
print(greet("Bob", "Hi"))  # expect: Hi, Bob!
print(greet("Cy", punct="?"))  # expect: Hello, Cy?
print(greet(punct=".", name="Di", greeting="Yo"))  # expect: Yo, Di.
def append_to(x, acc=[]):
    acc.append(x)
    return acc
print(append_to(1), append_to(2))  # expect: [1, 2] [1, 2]
print(append_to(3, []))  # expect: [3]
n = 10
def uses_default(v=n):
    return v
n = 20
print(uses_default())  # expect: 10
calls = []
def make_default():
    calls.append("made")
    return 0
def f(x=make_default()):
    return x
f(); f(); f()
print(calls)  # expect: ['made']
def none_default(acc=None):
    if acc is None:
        acc = []
    acc.append(1)
    return acc
print(none_default(), none_default())  # expect: [1] [1]
print(greet.__name__)  # expect: greet
