# The errno module and OSError: the subclass chosen by errno (PEP 3151),
# the attributes errno/strerror/filename/filename2, and str().
import errno
import os

print(errno.ENOENT, errno.EAGAIN, errno.EWOULDBLOCK, errno.EINPROGRESS, errno.EPIPE)  # expect: 2 11 11 115 32
print(errno.errorcode[errno.ENOENT], errno.errorcode[11], errno.errorcode[errno.ECONNREFUSED])  # expect: ENOENT EAGAIN ECONNREFUSED
print(len(errno.errorcode) > 100, all(getattr(errno, n) == c for c, n in errno.errorcode.items()))  # expect: True True

codes = ["EPERM", "ENOENT", "ESRCH", "EINTR", "ECHILD", "EAGAIN", "EACCES", "EEXIST",
         "ENOTDIR", "EISDIR", "EPIPE", "EALREADY", "EINPROGRESS", "ESHUTDOWN",
         "ECONNABORTED", "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EINVAL", "EBADF"]
for name in codes:
    e = OSError(getattr(errno, name), os.strerror(getattr(errno, name)))
    print(name, type(e).__name__, isinstance(e, OSError))
# expect: EPERM PermissionError True
# expect: ENOENT FileNotFoundError True
# expect: ESRCH ProcessLookupError True
# expect: EINTR InterruptedError True
# expect: ECHILD ChildProcessError True
# expect: EAGAIN BlockingIOError True
# expect: EACCES PermissionError True
# expect: EEXIST FileExistsError True
# expect: ENOTDIR NotADirectoryError True
# expect: EISDIR IsADirectoryError True
# expect: EPIPE BrokenPipeError True
# expect: EALREADY BlockingIOError True
# expect: EINPROGRESS BlockingIOError True
# expect: ESHUTDOWN BrokenPipeError True
# expect: ECONNABORTED ConnectionAbortedError True
# expect: ECONNREFUSED ConnectionRefusedError True
# expect: ECONNRESET ConnectionResetError True
# expect: ETIMEDOUT TimeoutError True
# expect: EINVAL OSError True
# expect: EBADF OSError True

e = OSError(2, "No such file or directory", "x")
print(type(e).__name__, e.errno, e.strerror, e.filename, e.filename2, e.args)  # expect: FileNotFoundError 2 No such file or directory x None (2, 'No such file or directory')
print(str(e))  # expect: [Errno 2] No such file or directory: 'x'
e = OSError(2, "msg", "a", None, "b")
print(str(e), e.filename2)  # expect: [Errno 2] msg: 'a' -> 'b' b
e = OSError("just a message")
print(e.errno, e.strerror, str(e))  # expect: None None just a message
e = BlockingIOError(11, "busy", 5)
print(e.characters_written, e.args, str(e))  # expect: 5 (11, 'busy', 5) [Errno 11] busy
print(ConnectionRefusedError.__mro__[1].__name__, BrokenPipeError.__mro__[1].__name__)  # expect: ConnectionError ConnectionError
print(EnvironmentError is OSError, IOError is OSError)  # expect: True True

# Raised by the OS.
try:
    os.kill(2**22 + 12345, 0)
except ProcessLookupError as e:
    print(type(e).__name__, e)  # expect: ProcessLookupError [Errno 3] No such process
import socket
a, b = socket.socketpair()
b.close()
try:
    for i in range(100):
        a.send(b"x" * 1000)
except (BrokenPipeError, ConnectionResetError) as e:
    print("peer gone:", isinstance(e, ConnectionError))  # expect: peer gone: True
a.close()
