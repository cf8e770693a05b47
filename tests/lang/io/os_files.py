# Files and directories: mkdir, listdir, rename, remove, rmdir, stat, open/read/write,
# getcwd/chdir, with errors carrying the file names.
import os
import stat

base = "/tmp/minipy-io-test-%d" % os.getpid()
os.mkdir(base)
print(os.path.isdir(base), stat.S_ISDIR(os.stat(base).st_mode))  # expect: True True
try:
    os.mkdir(base)
except FileExistsError as e:
    print(type(e).__name__, e.errno, e.filename == base)  # expect: FileExistsError 17 True

f = os.path.join(base, "data.txt")
fd = os.open(f, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
print(os.write(fd, b"0123456789"))  # expect: 10
os.close(fd)
st = os.stat(f)
print(st.st_size, stat.S_ISREG(st.st_mode), oct(stat.S_IMODE(st.st_mode)))  # expect: 10 True 0o644
print(st[6], st[stat.ST_SIZE], len(st), type(st).__name__)  # expect: 10 10 10 stat_result
print(type(st.st_mtime).__name__, type(st.st_mtime_ns).__name__, st.st_mtime_ns // 10**9 == st[8])  # expect: float int True

fd = os.open(f, os.O_RDONLY)
print(os.read(fd, 4), os.lseek(fd, 2, os.SEEK_CUR), os.read(fd, 100))  # expect: b'0123' 6 b'6789'
print(os.fstat(fd).st_size, os.isatty(fd))  # expect: 10 False
os.close(fd)

os.mkdir(os.path.join(base, "sub"))
print(sorted(os.listdir(base)))  # expect: ['data.txt', 'sub']
print(sorted(os.listdir(base.encode())))  # expect: [b'data.txt', b'sub']
os.rename(f, os.path.join(base, "moved.txt"))
print(sorted(os.listdir(base)))  # expect: ['moved.txt', 'sub']
try:
    os.rename(f, os.path.join(base, "x"))
except FileNotFoundError as e:
    print(e.strerror, e.filename == f, e.filename2 == os.path.join(base, "x"))  # expect: No such file or directory True True
    print(str(e) == "[Errno 2] No such file or directory: %r -> %r" % (f, os.path.join(base, "x")))  # expect: True

cwd = os.getcwd()
os.chdir(base)
print(os.getcwd() == base, sorted(os.listdir()))  # expect: True ['moved.txt', 'sub']
os.chdir(cwd)

try:
    os.rmdir(base)
except OSError as e:
    print(type(e).__name__, e.strerror)  # expect: OSError Directory not empty
os.remove(os.path.join(base, "moved.txt"))
try:
    os.unlink(os.path.join(base, "moved.txt"))
except FileNotFoundError as e:
    print(type(e).__name__)  # expect: FileNotFoundError
try:
    os.remove(os.path.join(base, "sub"))
except IsADirectoryError as e:
    print(type(e).__name__, e.errno)  # expect: IsADirectoryError 21
os.rmdir(os.path.join(base, "sub"))
os.makedirs(os.path.join(base, "p", "q"))
os.makedirs(os.path.join(base, "p", "q"), exist_ok=True)
print(os.listdir(os.path.join(base, "p")))  # expect: ['q']
os.removedirs(os.path.join(base, "p", "q"))
print(os.path.exists(base))  # expect: False

try:
    os.listdir("/no/such/dir")
except FileNotFoundError as e:
    print(e)  # expect: [Errno 2] No such file or directory: '/no/such/dir'
try:
    os.stat("/no/such/file")
except FileNotFoundError as e:
    print(e)  # expect: [Errno 2] No such file or directory: '/no/such/file'
try:
    os.stat([])
except TypeError as e:
    print(e)  # expect: stat: path should be string, bytes, os.PathLike or integer, not list
try:
    os.remove(3)
except TypeError as e:
    print(e)  # expect: remove: path should be string, bytes or os.PathLike, not int
try:
    os.remove("a\0b")
except ValueError as e:
    print(e)  # expect: embedded null byte
print(os.access("/", os.F_OK), os.access("/no/such", os.F_OK))  # expect: True False
