# os.pipe: write/read, EOF, non-blocking reads raising BlockingIOError, dup/dup2, fstat.
import os
import stat

r, w = os.pipe()
print(type(r).__name__, r != w)  # expect: int True
print(os.write(w, b"hello "), os.write(w, b"world"))  # expect: 6 5
print(os.read(r, 5))  # expect: b'hello'
print(os.read(r, 100))  # expect: b' world'
print(os.get_inheritable(r), os.get_blocking(r))  # expect: False True

# An empty pipe in non-blocking mode: EAGAIN.
os.set_blocking(r, False)
print(os.get_blocking(r))  # expect: False
try:
    os.read(r, 10)
except BlockingIOError as e:
    print(type(e).__name__, e.errno == 11, e)  # expect: BlockingIOError True [Errno 11] Resource temporarily unavailable
os.set_blocking(r, True)

# fstat of a pipe end.
st = os.fstat(r)
print(stat.S_ISFIFO(st.st_mode), stat.S_ISREG(st.st_mode), st.st_size)  # expect: True False 0

# dup and dup2 share the pipe.
w2 = os.dup(w)
os.write(w2, b"via dup")
print(os.read(r, 7))  # expect: b'via dup'
w3 = os.dup2(w, w2 + 10)
print(w3 == w2 + 10)  # expect: True
os.write(w3, b"via dup2")
print(os.read(r, 100))  # expect: b'via dup2'
for fd in (w, w2, w3):
    os.close(fd)
print(os.read(r, 10))  # expect: b''
os.close(r)

# Closed descriptors: EBADF.
try:
    os.read(r, 1)
except OSError as e:
    print(type(e).__name__, e.errno, e.strerror)  # expect: OSError 9 Bad file descriptor
try:
    os.close(r)
except OSError as e:
    print(e)  # expect: [Errno 9] Bad file descriptor

# Argument errors.
try:
    os.write(1, "text")
except TypeError as e:
    print(e)  # expect: a bytes-like object is required, not 'str'
try:
    os.read(r, "x")
except TypeError as e:
    print(e)  # expect: 'str' object cannot be interpreted as an integer

# A writer thread and a blocking reader.
import threading
r, w = os.pipe()
def writer():
    for i in range(5):
        os.write(w, b"%d;" % i)
    os.close(w)
t = threading.Thread(target=writer)
t.start()
chunks = []
while True:
    data = os.read(r, 3)
    if not data:
        break
    chunks.append(data)
t.join()
os.close(r)
print(b"".join(chunks))  # expect: b'0;1;2;3;4;'
