# f-strings: __format__/__str__/__repr__ of user objects.
class P:
    def __init__(self, x):
        self.x = x
    def __repr__(self):
        return f"P({self.x!r})"
    def __str__(self):
        return f"<{self.x}>"
p = P("a")
print(f"{p}")  # expect: <a>
print(f"{p!r}")  # expect: P('a')
print(f"{p!s:>6}")  # expect:    <a>
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __format__(self, spec):
        if spec == "short":
            return f"${self.cents // 100}"
        return f"${self.cents / 100:.2f}"
m = Money(1999)
print(f"{m}")  # expect: $19.99
print(f"{m:short}")  # expect: $19
print(format(m, "short"))  # expect: $19
print("{:short} {}".format(m, m))  # expect: $19 $19.99
print(f"{[p]}")  # expect: [P('a')]
