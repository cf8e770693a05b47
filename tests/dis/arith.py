def arith(a, b):
    c = a * b + a // b - a % b
    c **= 2
    c <<= a
    d = -a + (~b) - (+c)
    e = a / b @ c if a else a ^ b | c & d >> 1
    return not (a < b <= c != d), a is b, a is not None, a in b, a not in b


def folded():
    return 2 ** 10, 'ab' + 'cd', 3 * 'x', 1 + 2 * 3, -1, not True
