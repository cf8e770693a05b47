# finally inside loops: continue/break still run the finally block.
def loop():
    out = []
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append("f%d" % i)
    return out
print(loop())  # expect: [0, 'f0', 'f1', 2, 'f2', 'f3']
x = 0
while True:
    try:
        x += 1
        if x == 3:
            break
    finally:
        pass
print(x)  # expect: 3
