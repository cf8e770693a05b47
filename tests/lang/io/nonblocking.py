# Non-blocking sockets: accept, recv and connect raise BlockingIOError
# instead of waiting; setblocking/getblocking/settimeout(0).
import errno
import select
import socket

srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen()
port = srv.getsockname()[1]
srv.setblocking(False)
print(srv.getblocking(), srv.gettimeout())  # expect: False 0.0
try:
    srv.accept()
except BlockingIOError as e:
    print(type(e).__name__, e.errno == errno.EAGAIN, e)  # expect: BlockingIOError True [Errno 11] Resource temporarily unavailable

# A non-blocking connect is in progress at first.
c = socket.socket()
c.setblocking(False)
try:
    c.connect(("127.0.0.1", port))
    print("connected at once")
except BlockingIOError as e:
    print(e.errno == errno.EINPROGRESS, e.strerror)  # expect: True Operation now in progress
# Writable once connected; the listener is readable.
_, w, _ = select.select([], [c], [], 5)
print(w == [c], c.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR))  # expect: True 0
r, _, _ = select.select([srv], [], [], 5)
print(r == [srv])  # expect: True
conn, addr = srv.accept()
print(conn.getblocking())  # expect: True

# recv on an empty non-blocking socket.
try:
    c.recv(10)
except BlockingIOError as e:
    print("recv:", e.errno == errno.EWOULDBLOCK)  # expect: recv: True
conn.sendall(b"data")
select.select([c], [], [], 5)
print(c.recv(10))  # expect: b'data'

# settimeout(0) is non-blocking too, settimeout(None) blocking again.
conn.settimeout(0)
print(conn.getblocking(), conn.gettimeout())  # expect: False 0.0
try:
    conn.recv(1)
except BlockingIOError:
    print("BlockingIOError")  # expect: BlockingIOError
conn.settimeout(None)
print(conn.getblocking(), conn.gettimeout())  # expect: True None

# Filling a non-blocking socket's buffer: send raises BlockingIOError
# (after a partial send) once the kernel buffers are full.
total = 0
try:
    while True:
        total += c.send(b"z" * 65536)
except BlockingIOError:
    print("full after", "some" if total > 0 else "no", "bytes")  # expect: full after some bytes

# SOCK_NONBLOCK at creation.
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM | socket.SOCK_NONBLOCK)
print(s.getblocking(), s.type == socket.SOCK_STREAM)  # expect: False True
for x in (s, c, conn, srv):
    x.close()
