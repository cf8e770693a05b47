# multiprocessing.Pipe and Connection: duplex and one-way pipes, send/recv
# of objects, send_bytes/recv_bytes, poll with timeouts, close and EOF.
import multiprocessing as mp


def echo(conn, other_end):
    other_end.close()       # or recv() would never see EOF
    while True:
        try:
            msg = conn.recv()
        except EOFError:
            break
        conn.send(("echo", msg))
    conn.close()


def big_sender(conn):
    conn.send_bytes(b"x" * 200000)
    conn.send(list(range(10000)))
    conn.close()


if __name__ == "__main__":
    a, b = mp.Pipe()
    p = mp.Process(target=echo, args=(b, a))
    p.start()
    b.close()
    for msg in [1, "two", [3, {"four": (5,)}], None]:
        a.send(msg)
        print(a.recv())
    a.close()
    p.join()
    print(p.exitcode)
    # expect: ('echo', 1)
    # expect: ('echo', 'two')
    # expect: ('echo', [3, {'four': (5,)}])
    # expect: ('echo', None)
    # expect: 0

    r, w = mp.Pipe(duplex=False)
    print(r.readable, r.writable, w.readable, w.writable)
    # expect: True False False True
    p = mp.Process(target=big_sender, args=(w,))
    p.start()
    w.close()
    data = r.recv_bytes()
    lst = r.recv()
    print(len(data), len(lst), sum(lst))
    try:
        r.recv()
    except EOFError:
        print("EOFError")
    p.join()
    r.close()
    # expect: 200000 10000 49995000
    # expect: EOFError

    a, b = mp.Pipe()
    print(a.poll(), a.poll(0.05))
    b.send_bytes(b"hello world", 6)
    b.send_bytes(b"hello world", 0, 5)
    print(a.poll(), a.poll(None), a.recv_bytes(), a.recv_bytes())
    # expect: False False
    # expect: True True b'world' b'hello'

    try:
        r.recv()
    except OSError as e:
        print("OSError:", e)
    r2, w2 = mp.Pipe(duplex=False)
    for call in (lambda: r2.send(1), lambda: w2.recv()):
        try:
            call()
        except OSError as e:
            print("OSError:", e)
    print(r2.closed, r2.fileno() >= 0)
    r2.close()
    w2.close()
    print(r2.closed)
    with a, b:
        pass
    print(a.closed, b.closed)
    # expect: OSError: handle is closed
    # expect: OSError: connection is read-only
    # expect: OSError: connection is write-only
    # expect: False True
    # expect: True
    # expect: True True

    from multiprocessing.connection import wait
    a, b = mp.Pipe()
    c, d = mp.Pipe()
    d.send("ready")
    print(wait([a, c], timeout=1) == [c], wait([a], timeout=0.05))
    # expect: True []
