# iter/next with default, StopIteration, chr/ord, format(), id identity, input-free builtins.
it = iter([1, 2])
print(next(it), next(it), next(it, "end"))  # expect: 1 2 end
try:
    next(it)
except StopIteration:
    print("StopIteration")  # expect: StopIteration
s = iter("ab")
print(list(s), list(s))  # expect: ['a', 'b'] []
d = iter({"k": 1, "j": 2})
print(next(d))  # expect: k
print(chr(65), chr(0x263A), ord("a"), ord("\n"))  # expect: A ☺ 97 10
print(format(3.14159, ".2f"), format(255, "#x"), format(5, "03d"), format("x", "^5"))  # expect: 3.14 0xff 005   x  
print(format(1234567, ","), format(0.5, "%"), format(True))  # expect: 1,234,567 50.000000% True
a = [1]
b = a
print(id(a) == id(b), id(a) == id([1]))  # expect: True False
print(iter(it) is it)  # expect: True
r = iter(range(3))
print(next(r), list(r))  # expect: 0 [1, 2]
try:
    next(iter([]))
except StopIteration as e:
    print(repr(e))  # expect: StopIteration()
try:
    chr(-1)
except ValueError as e:
    print(e)  # expect: chr() arg not in range(0x110000)
try:
    ord("ab")
except TypeError as e:
    print(e)  # expect: ord() expected a character, but string of length 2 found
