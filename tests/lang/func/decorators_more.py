# Decorators with state, on methods and on classes.
def shout(fn):
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs).upper() + "!"
    return wrapper
def count_calls(fn):
    def wrapper(*a):
        wrapper.count += 1
        return fn(*a)
    wrapper.count = 0
    return wrapper
@count_calls
def noop(x):
    return x
noop(1); noop(2)
print(noop.count)  # expect: 2
class Service:
    @shout
    def name(self):
        return "svc"
print(Service().name())  # expect: SVC!
registry = {}
def register(key):
    def deco(cls):
        registry[key] = cls
        return cls
    return deco
@register("plugin")
class Plugin:
    pass
print(registry["plugin"].__name__)  # expect: Plugin
