"""One echo server, three ways: one connection at a time, a thread per
connection, and one thread multiplexing every connection with a selector.

Run it with minipy or with CPython 3.11; both print the same thing
(timings aside, which it rounds):

    minipy programs/echo_three_ways.py
    python3 programs/echo_three_ways.py

Each client connects, says "hello", waits for the echo, thinks for DELAY
seconds (a slow user, say), then finishes its line and reads the rest of
the echo. With a sequential server the clients queue up: nobody hears
back before the clients ahead of it have finished, so the total is about
CLIENTS * DELAY. With a thread per connection the waits
overlap, because a thread blocked in recv() has released the GIL (minipy's
socket calls do so, as CPython's). With a selector one thread serves them
all: epoll tells it which sockets are ready, and nothing ever blocks
except the epoll wait itself. That last shape is the heart of asyncio's
event loop.
"""

import selectors
import socket
import threading
import time

CLIENTS = 5
DELAY = 0.1


def read_until(c, data, end):
    while not data.endswith(end):
        chunk = c.recv(100)
        if not chunk:
            break
        data += chunk
    return data


def client(port, i, replies):
    with socket.create_connection(("127.0.0.1", port)) as c:
        c.sendall(b"hello")
        data = read_until(c, b"", b"HELLO")
        time.sleep(DELAY)
        c.sendall(b" from %d\n" % i)
        replies.append(read_until(c, data, b"\n"))


def handle(conn):
    """Echo lines until the client closes (blocking)."""
    with conn:
        while True:
            data = conn.recv(100)
            if not data:
                return
            conn.sendall(data.upper())


def sequential(srv):
    for _ in range(CLIENTS):
        conn, _ = srv.accept()
        handle(conn)


def threaded(srv):
    workers = []
    for _ in range(CLIENTS):
        conn, _ = srv.accept()
        t = threading.Thread(target=handle, args=(conn,))
        t.start()
        workers.append(t)
    for t in workers:
        t.join()


def multiplexed(srv):
    sel = selectors.DefaultSelector()
    srv.setblocking(False)
    sel.register(srv, selectors.EVENT_READ, data=None)
    done = 0
    while done < CLIENTS:
        for key, events in sel.select():
            if key.data is None:                 # the listener: a new client
                conn, _ = srv.accept()
                conn.setblocking(False)
                sel.register(conn, selectors.EVENT_READ, data="client")
            else:                                # a client sent something
                conn = key.fileobj
                data = conn.recv(100)
                if data:
                    conn.sendall(data.upper())
                else:
                    sel.unregister(conn)
                    conn.close()
                    done += 1
    sel.close()


def run(name, server):
    srv = socket.create_server(("127.0.0.1", 0))
    port = srv.getsockname()[1]
    replies = []
    clients = [threading.Thread(target=client, args=(port, i, replies)) for i in range(CLIENTS)]
    start = time.monotonic()
    for c in clients:
        c.start()
    server(srv)
    for c in clients:
        c.join()
    took = time.monotonic() - start
    srv.close()
    # Round to whole DELAYs: sequential takes about CLIENTS of them, the others about one.
    print("%-12s %d replies, about %d x DELAY" % (name, len(replies), round(took / DELAY)))
    print("             first reply:", sorted(replies)[0])


print("%d clients, each pausing %.1f s in the middle of its line" % (CLIENTS, DELAY))
run("sequential", sequential)
run("threaded", threaded)
run("selectors", multiplexed)
