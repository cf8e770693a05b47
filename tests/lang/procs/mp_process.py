# multiprocessing.Process: target/args/kwargs, names, start/join with a
# timeout, exit codes (sys.exit, terminate, kill), pid, is_alive, daemon,
# current_process/parent_process, subclasses overriding run().
import multiprocessing as mp
import os
import sys
import time


def report(conn, a, b=0):
    me = mp.current_process()
    parent = mp.parent_process()
    conn.send((me.name, a + b, me.pid == os.getpid(), parent.pid == os.getppid(),
               parent.name, me.daemon))
    conn.close()


def sleeper(seconds):
    time.sleep(seconds)


def exiter(code):
    sys.exit(code)


class Worker(mp.Process):
    def __init__(self, conn):
        super().__init__(name="custom")
        self.conn = conn

    def run(self):
        self.conn.send("run() in " + self.name)


if __name__ == "__main__":
    print(mp.current_process().name, mp.parent_process(), mp.active_children())
    # expect: MainProcess None []

    r, w = mp.Pipe(duplex=False)
    p = mp.Process(target=report, args=(w, 1), kwargs={"b": 2})
    print(p.name, p.pid, p.exitcode, p.is_alive(), p.daemon)
    p.start()
    print(r.recv())
    p.join()
    print(p.exitcode, p.is_alive(), p.pid > 0)
    # expect: Process-1 None None False False
    # expect: ('Process-1', 3, True, True, 'MainProcess', False)
    # expect: 0 False True

    p = mp.Process(target=sleeper, args=(30,), daemon=True)
    p.start()
    p.join(timeout=0.1)
    print("after join(timeout):", p.exitcode, p.is_alive(), p in mp.active_children())
    p.terminate()
    p.join()
    print("terminated:", p.exitcode, p.is_alive(), p.daemon)
    # expect: after join(timeout): None True True
    # expect: terminated: -15 False True

    p = mp.Process(target=sleeper, args=(30,))
    p.start()
    p.kill()
    p.join()
    print("killed:", p.exitcode)
    # expect: killed: -9

    codes = []
    for code in (0, 3, None, "message"):
        p = mp.Process(target=exiter, args=(code,))
        p.start()
        p.join()
        codes.append(p.exitcode)
    print("sys.exit:", codes)
    # expect: sys.exit: [0, 3, 0, 1]
    # expect stderr: message

    w2 = Worker(w)
    w2.start()
    print(r.recv())
    w2.join()
    # expect: run() in custom

    procs = [mp.Process(target=sleeper, args=(0.05,), name="sleeper-%d" % i) for i in range(3)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    print([p.name for p in procs], [p.exitcode for p in procs], mp.active_children())
    # expect: ['sleeper-0', 'sleeper-1', 'sleeper-2'] [0, 0, 0] []

    p = mp.Process(target=sleeper, args=(0,))
    try:
        p.join()
    except AssertionError as e:
        print("AssertionError:", e)
    p.start()
    try:
        p.start()
    except AssertionError as e:
        print("AssertionError:", e)
    p.join()
    p.close()
    try:
        p.is_alive()
    except ValueError as e:
        print("ValueError:", e)
    # expect: AssertionError: can only join a started process
    # expect: AssertionError: cannot start a process twice
    # expect: ValueError: process object is closed
    print(mp.cpu_count() == os.cpu_count(), mp.get_start_method())
    # expect: True fork
