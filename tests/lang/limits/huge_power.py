# Huge exponents compute (or raise MemoryError) instead of hanging or
# crashing; a thread started before keeps its state.
import threading

done = []
t = threading.Thread(target=lambda: done.append(sum(range(1000))))
t.start()
try:
    x = 2 ** 10 ** 8
    print("2**10**8 has", x.bit_length(), "bits")
    print(x % 1000, (x >> (10 ** 8 - 3)))
except MemoryError:
    print("MemoryError")
b = 3
y = b ** 10 ** 6
print(y.bit_length(), y % 10 ** 9)
t.join()
print(done)
print((-2) ** 10 ** 5 == 2 ** 10 ** 5, (-2) ** (10 ** 5 + 1) < 0)
print(pow(3, 10 ** 100, 10 ** 9 + 7))
# expect: 2**10**8 has 100000001 bits
# expect: 376 8
# expect: 1584963 220000001
# expect: [499500]
# expect: True True
# expect: 9102203
