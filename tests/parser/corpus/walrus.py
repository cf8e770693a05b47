if (n := len(a)) > 10: pass
while (line := f.readline()):
    pass
[y := f(x), y**2]
print(x := 1)
f(a, b := 2)
x = (y := 1)
(z := 1)
{(a := 1): (b := 2)}
{a := 1, b := 2}
if x := 1:
    pass
while x := f():
    pass
elif_ = [y for x in z if (y := x)]
def f(a=(b := 1)): pass
lambda: (x := 1)
x[y := 1]
assert (x := 1)
