def add(a, b):
    return a + b


x = add(1, 2)
print(x)
