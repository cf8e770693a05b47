# select.select, select.poll and select.epoll report readiness of pipes and sockets.
import os
import select
import socket

r, w = os.pipe()

# select(): lists of the objects passed in, in their order.
print(select.select([r], [w], [], 0) == ([], [w], []))  # expect: True
os.write(w, b"x")
rl, wl, xl = select.select([r, w], [r, w], [], 0)
print(rl == [r], wl == [w], xl)  # expect: True True []
print(select.select([], [], [], 0.01))  # expect: ([], [], [])

class FileLike:
    def __init__(self, fd):
        self.fd = fd
    def fileno(self):
        return self.fd
fl = FileLike(r)
print(select.select([fl], [], [], 0)[0] == [fl])  # expect: True
try:
    select.select([-1], [], [])
except ValueError as e:
    print(e)  # expect: file descriptor cannot be a negative integer (-1)
try:
    select.select(["x"], [], [])
except TypeError as e:
    print(e)  # expect: argument must be an int, or have a fileno() method.
try:
    select.select([], [], [], -1)
except ValueError as e:
    print(e)  # expect: timeout must be non-negative
try:
    select.select([], [], [], "1")
except TypeError as e:
    print(e)  # expect: timeout must be a float or None

# poll(): timeouts in milliseconds, results (fd, events).
p = select.poll()
p.register(r, select.POLLIN)
p.register(w, select.POLLOUT)
print(sorted(p.poll(0)) == sorted([(r, select.POLLIN), (w, select.POLLOUT)]))  # expect: True
os.read(r, 1)
print(p.poll(0) == [(w, select.POLLOUT)])  # expect: True
p.modify(w, select.POLLIN)
print(p.poll(10))  # expect: []
p.unregister(w)
try:
    p.unregister(w)
except KeyError as e:
    print("KeyError", e.args == (w,))  # expect: KeyError True
try:
    p.modify(w, select.POLLIN)
except FileNotFoundError as e:
    print(e)  # expect: [Errno 2] No such file or directory
try:
    p.poll("x")
except TypeError as e:
    print(e)  # expect: timeout must be an integer or None
os.close(w)
print(p.poll(1000) == [(r, select.POLLHUP)])  # expect: True
os.close(r)

# epoll(): timeouts in seconds, maxevents, closed, context manager.
a, b = socket.socketpair()
with select.epoll() as ep:
    print(ep.closed, ep.fileno() > 2)  # expect: False True
    ep.register(a.fileno(), select.EPOLLIN)
    ep.register(b, select.EPOLLOUT)
    print(ep.poll(0) == [(b.fileno(), select.EPOLLOUT)])  # expect: True
    b.send(b"hi")
    print(sorted(ep.poll(1)) == sorted([(a.fileno(), select.EPOLLIN), (b.fileno(), select.EPOLLOUT)]))  # expect: True
    print(len(ep.poll(timeout=1, maxevents=1)))  # expect: 1
    ep.modify(b, select.EPOLLIN)
    print(ep.poll(0) == [(a.fileno(), select.EPOLLIN)])  # expect: True
    ep.unregister(a)
    print(ep.poll(0.01))  # expect: []
    try:
        ep.register(b)
    except FileExistsError as e:
        print(e)  # expect: [Errno 17] File exists
    try:
        ep.unregister(a)
    except FileNotFoundError as e:
        print(e)  # expect: [Errno 2] No such file or directory
    try:
        ep.poll(0, 0)
    except ValueError as e:
        print(e)  # expect: maxevents must be greater than 0, got 0
print(ep.closed)  # expect: True
try:
    ep.poll(0)
except ValueError as e:
    print(e)  # expect: I/O operation on closed epoll object
ep.close()
print(select.EPOLLIN, select.EPOLLOUT, select.EPOLLERR, select.EPOLLHUP, select.EPOLLET)  # expect: 1 4 8 16 2147483648
print(select.POLLIN, select.POLLPRI, select.POLLOUT, select.POLLNVAL, select.error is OSError)  # expect: 1 2 4 32 True
a.close()
b.close()
