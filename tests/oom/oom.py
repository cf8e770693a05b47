# Out of memory: run under `ulimit -v` by tests/oom/run_oom.sh. Every case
# raises MemoryError, the handler runs (and may allocate a little), and the
# program goes on; the last line proves the interpreter is still usable.
import threading

def case(name, fn):
    try:
        fn()
        print(name, "no error")
    except MemoryError as e:
        print(name, "MemoryError", repr(e))

def big_list():
    return [0] * (10**9)

def big_str():
    return "a" * (2 * 10**9)

def big_bytes():
    return bytes(10**9)

def big_int():
    return 2 ** (8 * 10**9 // 2)

def big_shift():
    return 1 << (8 * 10**9)

def fill_list():
    # Exhausts memory in small pieces; the list is dropped with the frame.
    l = []
    while True:
        l.append("x" * 1000)

def fill_dict():
    d = {}
    i = 0
    try:
        while True:
            d[i] = i
            i += 1
    except MemoryError:
        n = len(d)  # allocates an int while memory is still full
        del d
        print("dict held more than a million items:", n > 10**6)
        raise

case("list", big_list)
case("str", big_str)
case("bytes", big_bytes)
case("int", big_int)
case("shift", big_shift)
case("fill list", fill_list)
case("fill dict", fill_dict)
case("fill list again", fill_list)

results = []
def worker():
    try:
        fill_list()
    except MemoryError:
        results.append("thread MemoryError")
t = threading.Thread(target=worker)
t.start()
t.join()
print(*results)
print("still running:", sum(range(101)), "x" * 3)
