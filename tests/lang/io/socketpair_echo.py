# socket.socketpair(): echo through a thread, sendall/recv, shutdown, repr, closing.
#
# Differences from CPython documented here: AddressFamily and SocketKind are
# int subclasses (not enum members) in minipy; their repr, str and
# comparisons match CPython 3.11's, which is all this file checks.
import socket
import threading

a, b = socket.socketpair()
print(a.family == socket.AF_UNIX, a.type == socket.SOCK_STREAM, a.proto)  # expect: True True 0
print(repr(a.family), repr(a.type))  # expect: <AddressFamily.AF_UNIX: 1> <SocketKind.SOCK_STREAM: 1>
print(str(a.family), "%s" % a.type, a.family + 0)  # expect: 1 1 1
print(repr(a).replace(str(a.fileno()), "N"))  # expect: <socket.socket fd=N, family=1, type=1, proto=0>
print(repr(a.getsockname()), repr(a.getpeername()))  # expect: '' ''
print(a.gettimeout(), a.getblocking())  # expect: None True

def echo(sock):
    while True:
        data = sock.recv(1024)
        if not data:
            break
        sock.sendall(data.upper())
    sock.close()

t = threading.Thread(target=echo, args=(b,))
t.start()
for word in [b"alpha", b"beta", b"gamma"]:
    a.sendall(word)
    got = b""
    while len(got) < len(word):
        got += a.recv(1024)
    print(got)
# expect: b'ALPHA'
# expect: b'BETA'
# expect: b'GAMMA'

# A big payload goes through sendall in pieces.
big = b"x" * 300000
reply = []
def reader():
    n = 0
    while n < len(big):
        chunk = a.recv(65536)
        reply.append(chunk)
        n += len(chunk)
r = threading.Thread(target=reader)
r.start()
a.sendall(big)
r.join()
print(len(b"".join(reply)), b"".join(reply) == big.upper())  # expect: 300000 True

a.shutdown(socket.SHUT_WR)
t.join()
print(a.recv(10))  # expect: b''
a.close()
print(repr(a))  # expect: <socket.socket [closed] fd=-1, family=1, type=1, proto=0>
print(a.fileno())  # expect: -1
try:
    a.recv(1)
except OSError as e:
    print(type(e).__name__, e)  # expect: OSError [Errno 9] Bad file descriptor

# Context manager.
with socket.socketpair()[0] as s:
    print(s.fileno() >= 0)  # expect: True
print(s.fileno())  # expect: -1

# socket.error and socket.timeout are the built-in classes.
print(socket.error is OSError, socket.timeout is TimeoutError)  # expect: True True
try:
    a.send("str")
except TypeError as e:
    print(e)  # expect: a bytes-like object is required, not 'str'
