# open() argument checking, as CPython's io.open.
import sys
for kw in [dict(encoding=1), dict(errors=1), dict(newline=1), dict(newline="x"),
           dict(mode="rb", encoding="utf-8"), dict(mode="rb", errors="strict"),
           dict(mode="rb", newline=""), dict(encoding="foo")]:
    try:
        open(sys.argv[0], **kw)
    except Exception as e:
        print(type(e).__name__, e)
# expect: TypeError open() argument 'encoding' must be str or None, not int
# expect: TypeError open() argument 'errors' must be str or None, not int
# expect: TypeError open() argument 'newline' must be str or None, not int
# expect: ValueError illegal newline value: x
# expect: ValueError binary mode doesn't take an encoding argument
# expect: ValueError binary mode doesn't take an errors argument
# expect: ValueError binary mode doesn't take a newline argument
# expect: LookupError unknown encoding: foo
try:
    open("/")
except IsADirectoryError as e:
    print(e)  # expect: [Errno 21] Is a directory: '/'
for args in [(b'a', 1), (b'a', 'utf-8', 5)]:
    try:
        str(*args)
    except TypeError as e:
        print(e)
# expect: str() argument 'encoding' must be str, not int
# expect: str() argument 'errors' must be str, not int
class A:
    def __str__(self):
        return "A:" + super().__str__()[:10]
print(A())  # expect: A:<__main__.
print(object.__str__(5), object.__str__("s"))  # expect: 5 's'
