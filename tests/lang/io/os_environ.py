# os.environ is a mapping kept in step with the process environment;
# os.getenv, os.putenv and os.unsetenv.
import os

os.environ["MINIPY_IO_TEST"] = "one"
print(os.environ["MINIPY_IO_TEST"], os.getenv("MINIPY_IO_TEST"))  # expect: one one
print("MINIPY_IO_TEST" in os.environ, os.environ.get("MINIPY_IO_TEST"))  # expect: True one
os.environ["MINIPY_IO_TEST"] = "two"
print(os.getenv("MINIPY_IO_TEST"))  # expect: two
print(os.environ.pop("MINIPY_IO_TEST"))  # expect: two
print(os.getenv("MINIPY_IO_TEST"), os.getenv("MINIPY_IO_TEST", "default"))  # expect: None default
print("MINIPY_IO_TEST" in os.environ)  # expect: False
try:
    os.environ["MINIPY_IO_TEST"]
except KeyError as e:
    print("KeyError", e)  # expect: KeyError 'MINIPY_IO_TEST'
try:
    del os.environ["MINIPY_IO_TEST"]
except KeyError as e:
    print("KeyError", e)  # expect: KeyError 'MINIPY_IO_TEST'
try:
    os.environ["X"] = 1
except TypeError as e:
    print(e)  # expect: str expected, not int
try:
    os.environ[2] = "x"
except TypeError as e:
    print(e)  # expect: str expected, not int

os.environ.update({"MPYIO_A": "a", "MPYIO_B": "b"})
print(sorted(k for k in os.environ if k.startswith("MPYIO_")))  # expect: ['MPYIO_A', 'MPYIO_B']
print(os.environ.setdefault("MPYIO_A", "z"), os.environ.setdefault("MPYIO_C", "c"))  # expect: a c
copy = os.environ.copy()
print(type(copy).__name__, copy["MPYIO_C"])  # expect: dict c
for k in ("MPYIO_A", "MPYIO_B", "MPYIO_C"):
    del os.environ[k]
print([k for k in os.environ if k.startswith("MPYIO_")])  # expect: []
print(len(os.environ) == len(list(os.environ.keys())), repr(os.environ).startswith("environ({"))  # expect: True True

# putenv/unsetenv change the process environment, not os.environ.
os.putenv("MINIPY_PUT", "p")
print(os.getenv("MINIPY_PUT"))  # expect: None
os.unsetenv("MINIPY_PUT")
try:
    os.putenv("A=B", "x")
except ValueError as e:
    print(e)  # expect: illegal environment variable name

print(os.name, os.sep, repr(os.linesep), os.devnull, os.curdir, os.pardir, os.pathsep)  # expect: posix / '\n' /dev/null . .. :
print(os.getpid() > 0, os.getppid() > 0, os.getpid() != os.getppid())  # expect: True True True
print(os.cpu_count() >= 1, len(os.urandom(16)), os.urandom(0))  # expect: True 16 b''
print(os.strerror(2), os.strerror(13))  # expect: No such file or directory Permission denied
print(os.error is OSError)  # expect: True
