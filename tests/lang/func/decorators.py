# Decorators: plain, with arguments, stacked, on methods, preserving behaviour.
def shout(fn):
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs).upper() + "!"
    return wrapper
@shout
def hello(name):
    return "hello " + name
print(hello("bob"))  # expect: HELLO BOB!
def repeat(times):
    def deco(fn):
        def wrapper(*args):
            return [fn(*args) for _ in range(times)]
        return wrapper
    return deco
@repeat(3)
def one():
    return 1
print(one())  # expect: [1, 1, 1]
def tag(name):
    def deco(fn):
        def wrapper():
            return f"<{name}>{fn()}</{name}>"
        return wrapper
    return deco
@tag("b")
@tag("i")
def text():
    return "hi"
print(text())  # expect: <b><i>hi</i></b>
calls = []
def log(fn):
    calls.append(fn.__name__)
    return fn
@log
def first():
    pass
@log
def second():
    pass
print(calls)  # expect: ['first', 'second']
