[x for x in y]
[x for x in y if x]
[x for x in y if x if not x]
[x for x in y for z in x]
[x for x in y if x for z in x if z]
[(x, y) for x, y in z]
[x for x, in y]
[x for (x, y) in z]
[x for [x, y] in z]
[x for x.y in z]
[x for x[0] in z]
[x for *x, y in z]
[y := x for x in z]
[(y := x) for x in z]
[x for x in (y := z)]
[x for x in a if (b := x)]
{x for x in y}
{x: y for x, y in z}
{x: y for x in a for y in b}
{**a}
(x for x in y)
(x for x in y if x)
[x for x in lambda: y]
[x for x in y if lambda: z]
[x for x in y or z]
[x for x in not y]
[[x for x in y] for y in z]
[x for x in [y for y in z]]
f(x for x in y if x)
sum(x * y for x, y in zip(a, b))
[lambda: x for x in y]
[x if x else y for x in z]
[x for x in range(10) if x % 2 == 0 if x % 3 == 0]
