# At exit the program's namespaces are released and the cycle collector
# finalizes what they held, in creation order, while every namespace is
# still intact: garbage cycles, cycles still bound to names, objects
# bound twice, objects inside containers. (The order among objects that
# automatic collections have moved to different generations depends on
# allocation counts, so everything here is made right after a collection.)
import gc
gc.collect()

class A:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n, len(registry))

registry = [1, 2, 3]
x = A("garbage-cycle")
x.me = x
del x
y = A("main-cycle")
y.me = y
z = A("main-shared")
z2 = z

def gen():
    try:
        yield 1
    finally:
        print("gen finally", y.n)
g = gen()
next(g)
lst = [A("in-list")]
print("end")
# expect: end
# expect: del garbage-cycle 3
# expect: del main-cycle 3
# expect: del main-shared 3
# expect: gen finally main-cycle
# expect: del in-list 3
