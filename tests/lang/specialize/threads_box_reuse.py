# Int and float results reuse a temporary operand's box only when no other
# thread can see it: values that pass through a shared list (popped and
# appended by one thread while others read and add to them) never change.
import threading

N = 64
ints = [10**12 + i for i in range(N)]
floats = [1e9 + i for i in range(N)]
expected_ints = sum(ints)
expected_floats = sum(floats)
stop = threading.Event()


def rotate():
    while not stop.is_set():
        for lst in (ints, floats):
            v = lst.pop(0)
            v = v + 0          # a temporary: the popped box must not be reused
            lst.append(v)


def reader(out):
    total = 0
    for k in range(20000):
        a = ints[k % (N - 1)]   # the rotating thread leaves at least N - 1 items
        b = floats[k % (N - 1)]
        total += (a + 1 - 1) * 2 - a     # result boxes may be reused; `a` itself must not change
        total += int((b * 2.0 - b) - b)  # 0
    out.append(total)


out = []
rot = threading.Thread(target=rotate)
rot.start()
readers = [threading.Thread(target=reader, args=(out,)) for _ in range(2)]
for t in readers:
    t.start()
for t in readers:
    t.join()
stop.set()
rot.join()
print(len(out), all(isinstance(x, int) for x in out))  # expect: 2 True
print(sum(ints) == expected_ints, sum(floats) == expected_floats)  # expect: True True
print(sorted(ints) == [10**12 + i for i in range(N)])  # expect: True
