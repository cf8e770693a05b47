# if/elif/else, truthiness of conditions, nested ifs, conditional expressions.
def classify(n):
    if n < 0:
        return "neg"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "big"
print(classify(-5), classify(0), classify(3), classify(99))  # expect: neg zero small big
for v in [0, 1, "", "a", [], [0], None, 0.0]:
    if v:
        print("T", end=" ")
    else:
        print("F", end=" ")
print()  # expect: F T F T F T F F 
x = 5
if x > 1:
    if x > 3:
        print("x > 3")  # expect: x > 3
    else:
        print("1 < x <= 3")
if x == 5: print("one-liner")  # expect: one-liner
y = "odd" if x % 2 else "even"
print(y)  # expect: odd
print("a" if 0 else "b" if 0 else "c")  # expect: c
if not x:
    print("unreachable")
elif x:
    pass
print("done")  # expect: done
