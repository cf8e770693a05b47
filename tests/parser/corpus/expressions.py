# Operators, precedence and associativity.
a + b * c - d / e // f % g @ h
a ** b ** c
-a ** -b
(-a) ** b
~a + +b - -c
not a == b
not not a
a and b or c and not d
a or b or c
a and (b or c)
a | b ^ c & d << e >> f
a < b <= c > d >= e == f != g
a is b is not c in d not in e
x if y else z
x if y else z if w else v
(x if y else z) if w else v
lambda: 0
lambda x: x
lambda x, y=1, *a, z, w=2, **k: x
lambda *, a: a
lambda a, /, b: a
lambda a=1, /, b=2, *c, d, **e: 0
f(x)(y)(z)
a.b.c.d
a[1][2][3]
a.b(c)[d].e
f()
f(1, 2, *a, 3, *b, k=1, **d, m=2, **e)
f(*a, *b)
f(**a, **b)
f(a, k=v)
f(x for x in y)
f((x for x in y), z)
obj.method(arg).attr[0]
await_ = 1
...
None; True; False
x = ...
x[...]
x[1:2]
x[1:2:3]
x[:]
x[::]
x[::2]
x[1:]
x[:2]
x[a, b]
x[a:b, c:d]
x[1:2, ::3]
x[(a, b)]
x[a,]
x[*a]
x[*a, b]
x[a, *b]
x[i := 1]
x[(i := 1):2]
(a)
((a))
(a,)
()
(a, b)
(a, *b)
(*a, b)
[a, *b, c]
{a, *b}
{**a, 'k': v, **b}
{}
{1: 2}
{1: 2,}
{1, 2,}
[1, 2,]
(yield)
