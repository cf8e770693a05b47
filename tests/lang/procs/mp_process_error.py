# An uncaught exception in a child process: "Process NAME:" and the
# traceback on its stderr, exit code 1; the parent goes on.
import multiprocessing as mp


def fails(x):
    raise ValueError("bad input %d" % x)


if __name__ == "__main__":
    p = mp.Process(target=fails, args=(42,))
    p.start()
    p.join()
    print("exitcode", p.exitcode)
    q = mp.Process(target=fails, args=(7,), name="Named")
    q.start()
    q.join()
    print("exitcode", q.exitcode)
# expect: exitcode 1
# expect: exitcode 1
# expect stderr: Process Process-1:
# expect stderr: Traceback (most recent call last):
# expect stderr:   File "{FILE}", line 7, in fails
# expect stderr:     raise ValueError("bad input %d" % x)
# expect stderr: ValueError: bad input 42
# expect stderr: Process Named:
# expect stderr: ValueError: bad input 7
