def count(n):
    total = 0
    i = 0
    while i < n:
        if i % 2 == 0:
            total += i
        elif i > 10:
            break
        else:
            i += 1
            continue
        i += 1
    for j in range(n):
        total -= j
    else:
        total = -total
    return total


def forever(n):
    while True:
        n -= 1
        if n < 0:
            break
    for x in n:
        for y in x:
            if y:
                return y
    return n
