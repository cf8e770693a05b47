# Closures: captured variables (cells), counters with nonlocal, late binding.
def make_counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc
c1 = make_counter()
c2 = make_counter()
print(c1(), c1(), c1(10), c2())  # expect: 1 2 12 1
def make_adder(n):
    def add(x):
        return x + n
    return add
add3 = make_adder(3)
print(add3(4), make_adder(10)(1))  # expect: 7 11
funcs = []
for i in range(3):
    funcs.append(lambda: i)
print([f() for f in funcs])  # expect: [2, 2, 2]
funcs = [lambda i=i: i for i in range(3)]
print([f() for f in funcs])  # expect: [0, 1, 2]
def outer():
    x = "before"
    def get():
        return x
    x = "after"
    return get
print(outer()())  # expect: after
def account(balance):
    def deposit(n):
        nonlocal balance
        balance += n
        return balance
    def withdraw(n):
        nonlocal balance
        balance -= n
        return balance
    return deposit, withdraw
dep, wd = account(100)
dep(50)
print(wd(30))  # expect: 120
def nest(a):
    def mid(b):
        def inner(c):
            return a + b + c
        return inner
    return mid
print(nest(1)(2)(3))  # expect: 6
