# current_thread, main_thread, enumerate, active_count, get_ident, get_native_id.
import threading

main = threading.main_thread()
print(main.name, main is threading.current_thread(), main.daemon)  # expect: MainThread True False
print(main.is_alive(), threading.active_count())  # expect: True 1
print([t.name for t in threading.enumerate()])  # expect: ['MainThread']
print(threading.get_ident() == main.ident, threading.get_native_id() == main.native_id)  # expect: True True
print(type(threading.get_ident()).__name__, type(threading.get_native_id()).__name__)  # expect: int int

release = threading.Event()
started = threading.Semaphore(0)
info = {}

def worker(i):
    me = threading.current_thread()
    info[i] = (me.name, me.ident == threading.get_ident(), me is not main)
    started.release()
    release.wait()

ts = [threading.Thread(target=worker, args=(i,), name="w%d" % i) for i in range(3)]
for t in ts:
    t.start()
for _ in ts:
    started.acquire()
print(threading.active_count())  # expect: 4
print(sorted(t.name for t in threading.enumerate()))  # expect: ['MainThread', 'w0', 'w1', 'w2']
print(all(t.is_alive() for t in ts), len({t.ident for t in ts} | {main.ident}))  # expect: True 4
print([info[i] for i in range(3)])  # expect: [('w0', True, True), ('w1', True, True), ('w2', True, True)]
release.set()
for t in ts:
    t.join()
print(threading.active_count(), [t.name for t in threading.enumerate()])  # expect: 1 ['MainThread']
print(any(t.is_alive() for t in ts))  # expect: False

# Daemon status is inherited from the creating thread.
flags = []
def outer():
    inner = threading.Thread(target=lambda: None)
    flags.append(inner.daemon)
d = threading.Thread(target=outer, daemon=True)
d.start()
d.join()
n = threading.Thread(target=outer)
n.start()
n.join()
print(flags)  # expect: [True, False]

# A thread started with _thread directly is a daemonic dummy thread.
import _thread
got = []
done = threading.Event()
def raw():
    cur = threading.current_thread()
    got.append((cur.name.startswith("Dummy-"), cur.daemon, cur.is_alive()))
    done.set()
_thread.start_new_thread(raw, ())
done.wait()
print(got)  # expect: [(True, True, True)]
