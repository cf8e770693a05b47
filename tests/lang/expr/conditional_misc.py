# Conditional expressions, identity, subscripts and attribute access in expressions.
x = 7
print("odd" if x % 2 else "even")  # expect: odd
print([("big" if n > 2 else "small") for n in range(5)])  # expect: ['small', 'small', 'small', 'big', 'big']
y = None
print(y if y is not None else "fallback")  # expect: fallback
def side(v):
    print("side", v)
    return v
print(side(1) if True else side(2))
# expect: side 1
# expect: 1
data = {"a": [10, {"b": (20, 30)}]}
print(data["a"][1]["b"][-1])  # expect: 30
print("abc".upper().lower().replace("b", "B"))  # expect: aBc
print([1, 2, 3][1:][0])  # expect: 2
print(len("abc") * 2 == 6)  # expect: True
print((1, 2) + (3,) if x else ())  # expect: (1, 2, 3)
print(x is None if False else x == 7)  # expect: True
t = 1,
print(t)  # expect: (1,)
print(((((1)))))  # expect: 1
