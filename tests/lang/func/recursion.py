# Recursion: factorial, fibonacci, mutual recursion, deep-ish recursion within the limit.
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(20))  # expect: 2432902008176640000
print(fact(30))  # expect: 265252859812191058636308480000000
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print([fib(i) for i in range(12)])  # expect: [0, 1, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89]
def is_even(n):
    return True if n == 0 else is_odd(n - 1)
def is_odd(n):
    return False if n == 0 else is_even(n - 1)
print(is_even(10), is_odd(7), is_even(7))  # expect: True True False
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(900))  # expect: 900
def hanoi(n, a="A", b="B", c="C", moves=None):
    if moves is None:
        moves = []
    if n:
        hanoi(n - 1, a, c, b, moves)
        moves.append(a + c)
        hanoi(n - 1, b, a, c, moves)
    return moves
print(len(hanoi(10)), hanoi(2))  # expect: 1023 ['AB', 'AC', 'BC']
def flatten(x):
    if isinstance(x, list):
        out = []
        for item in x:
            out += flatten(item)
        return out
    return [x]
print(flatten([1, [2, [3, [4, []]]], 5]))  # expect: [1, 2, 3, 4, 5]
