# global and nonlocal declarations; local scoping rules.
counter = 0
def bump():
    global counter
    counter += 1
bump()
bump()
print(counter)  # expect: 2
def make_global():
    global created
    created = "yes"
make_global()
print(created)  # expect: yes
x = "global"
def shadow():
    x = "local"
    return x
print(shadow(), x)  # expect: local global
def outer():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    inc()
    inc()
    return n
print(outer())  # expect: 2
def outer2():
    v = "outer"
    def middle():
        def inner():
            nonlocal v
            v = "changed"
        inner()
    middle()
    return v
print(outer2())  # expect: changed
def reads_global():
    return x
print(reads_global())  # expect: global
def loop_scope():
    for i in range(3):
        pass
    return i
print(loop_scope())  # expect: 2
print([x for x in range(3)], x)  # expect: [0, 1, 2] global
