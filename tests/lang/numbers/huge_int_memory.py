# Results too big for memory raise MemoryError instead of aborting.
for src in ["1 << 2**40", "-7 << 2**40", "'a' * 2**40", "[0] * 2**40", "(1,) * 2**40"]:
    try:
        eval(src)
        print("no error", src)
    except MemoryError:
        print("MemoryError")
# expect: MemoryError
# expect: MemoryError
# expect: MemoryError
# expect: MemoryError
# expect: MemoryError
print(round(12345, -10**6))  # expect: 0
print(round(-15, -1), round(25, -1), round(251, -1))  # expect: -20 20 250
