# augmented assignment on names, attributes and subscripts; each target evaluated once.
x = 10
x += 5; print(x)  # expect: 15
x -= 3; print(x)  # expect: 12
x *= 2; print(x)  # expect: 24
x /= 5; print(x)  # expect: 4.8
x = 17
x //= 5; print(x)  # expect: 3
x **= 3; print(x)  # expect: 27
x %= 5; print(x)  # expect: 2
x |= 8; print(x)  # expect: 10
x &= 12; print(x)  # expect: 8
x ^= 1; print(x)  # expect: 9
x <<= 2; print(x)  # expect: 36
x >>= 1; print(x)  # expect: 18
s = "ab"
s *= 2; print(s)  # expect: abab
class C:
    pass
c = C()
c.n = 1
c.n += 41
print(c.n)  # expect: 42
d = {"k": [1]}
d["k"] += [2]
d["k"][0] -= 10
print(d)  # expect: {'k': [-9, 2]}
calls = []
def key():
    calls.append("key")
    return "k"
def target():
    calls.append("target")
    return d
target()[key()] += [3]
print(calls, d["k"])  # expect: ['target', 'key'] [-9, 2, 3]
t = (1,)
t += (2,)
print(t)  # expect: (1, 2)
a = [1]
b = a
a += [2]
print(b)  # expect: [1, 2]
