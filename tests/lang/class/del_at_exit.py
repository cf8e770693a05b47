# At exit, objects held by the main module are finalized in the order they
# were bound, and suspended generators are closed (their finally blocks
# run while the module's names still exist).
class A:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)
a = A(1)
_b = A(2)
def g():
    try:
        yield 1
    finally:
        print("cleanup", a.n)
w = g()
next(w)
print("end")
# expect: end
# expect: del 1
# expect: del 2
# expect: cleanup 1
