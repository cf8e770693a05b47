# A TCP server on 127.0.0.1, port 0, with a client in a thread; socket options,
# timeouts and connection errors.
import errno
import socket
import threading

srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
print(srv.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0)  # expect: True
srv.bind(("127.0.0.1", 0))
srv.listen()
host, port = srv.getsockname()
print(host, 0 < port < 65536)  # expect: 127.0.0.1 True
print(repr(srv).replace(str(port), "P").replace("fd=%d" % srv.fileno(), "fd=N"))
# expect: <socket.socket fd=N, family=2, type=1, proto=0, laddr=('127.0.0.1', P)>

results = []

def client():
    with socket.socket() as c:
        c.connect(("127.0.0.1", port))
        c.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        results.append(c.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0)
        c.sendall(b"ping")
        results.append(c.recv(100))

t = threading.Thread(target=client)
t.start()
conn, addr = srv.accept()
print(type(conn).__name__, addr[0], conn.getpeername() == addr)  # expect: socket 127.0.0.1 True
print(conn.getsockname() == ("127.0.0.1", port))  # expect: True
print(conn.gettimeout(), conn.family == socket.AF_INET)  # expect: None True
data = conn.recv(100)
conn.sendall(data + b"-pong")
t.join()
print(results)  # expect: [True, b'ping-pong']
print(conn.recv(100))  # expect: b''
conn.close()

# Timeouts: accept and recv raise TimeoutError('timed out').
srv.settimeout(0.05)
print(srv.gettimeout(), srv.getblocking())  # expect: 0.05 True
try:
    srv.accept()
except socket.timeout as e:
    print(type(e).__name__, e, e.errno)  # expect: TimeoutError timed out None

c = socket.create_connection(("127.0.0.1", port), timeout=2)
conn, _ = srv.accept()
print(conn.gettimeout())  # expect: None
c.settimeout(0.02)
try:
    c.recv(10)
except TimeoutError as e:
    print(repr(e))  # expect: TimeoutError('timed out')
conn.close()
c.close()
srv.close()

# Nobody listens on that port any more.
c = socket.socket()
print(c.connect_ex(("127.0.0.1", port)) == errno.ECONNREFUSED)  # expect: True
c.close()
c = socket.socket()
try:
    c.connect(("127.0.0.1", port))
except ConnectionRefusedError as e:
    print(type(e).__name__, e.errno == errno.ECONNREFUSED, e.strerror)  # expect: ConnectionRefusedError True Connection refused
c.close()

# Address errors.
s = socket.socket()
for bad in ["x", ("127.0.0.1",), ("127.0.0.1", 70000)]:
    try:
        s.bind(bad)
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)
# expect: TypeError bind(): AF_INET address must be tuple, not str
# expect: TypeError AF_INET address must be a pair (host, port)
# expect: OverflowError bind(): port must be 0-65535.
try:
    s.settimeout(-1)
except ValueError as e:
    print(e)  # expect: Timeout value out of range
s.close()

# UDP: sendto/recvfrom on one socket.
with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as d:
    d.bind(("127.0.0.1", 0))
    d.sendto(b"datagram", d.getsockname())
    data, src = d.recvfrom(100)
    print(data, src == d.getsockname(), repr(d.type))  # expect: b'datagram' True <SocketKind.SOCK_DGRAM: 2>

print(type(socket.gethostname()).__name__)  # expect: str
print(socket.getaddrinfo("127.0.0.1", 80, socket.AF_INET, socket.SOCK_STREAM)[0])
# expect: (<AddressFamily.AF_INET: 2>, <SocketKind.SOCK_STREAM: 1>, 6, '', ('127.0.0.1', 80))
