# os.path (posixpath): join, split, splitext, basename, dirname, normpath,
# abspath, exists/isfile/isdir, and os.fspath.
import os
import os.path
from os import path

print(path is os.path, path.__name__)  # expect: True posixpath
print(path.join("a", "b", "c"), path.join("/a", "/b", "c"), path.join("a/", "b"), path.join("a", ""))  # expect: a/b/c /b/c a/b a/
print(path.split("/a/b/c.txt"), path.split("c.txt"), path.split("/"), path.split("//x"))  # expect: ('/a/b', 'c.txt') ('', 'c.txt') ('/', '') ('//', 'x')
print(path.splitext("x/y.tar.gz"), path.splitext(".bashrc"), path.splitext("a.b/c"), path.splitext("..."))  # expect: ('x/y.tar', '.gz') ('.bashrc', '') ('a.b/c', '') ('...', '')
print(repr(path.basename("/a/b/")), path.basename("/a/b"), path.dirname("/a/b/c"), repr(path.dirname("c")), path.dirname("/"))  # expect: '' b /a/b '' /
print(path.normpath("/a//b/../c/./d"), path.normpath("../x/.."), path.normpath("//a"), path.normpath("///a"), path.normpath(""), path.normpath("a/b/../../.."))  # expect: /a/c/d .. //a /a . ..
print(path.isabs("/x"), path.isabs("x"))  # expect: True False
print(path.abspath("/a/./b/.."), path.abspath("x") == path.join(os.getcwd(), "x"))  # expect: /a True
print(path.relpath("/a/b/c", "/a/x"), path.commonprefix(["/usr/lib", "/usr/local"]))  # expect: ../b/c /usr/l
print(path.join(b"a", b"b"), path.split(b"/x/y"), path.splitext(b"f.py"))  # expect: b'a/b' (b'/x', b'y') (b'f', b'.py')
try:
    path.join("a", b"b")
except TypeError as e:
    print(e)  # expect: Can't mix strings and bytes in path components

print(path.exists("/"), path.isdir("/"), path.isfile("/"))  # expect: True True False
print(path.exists(__file__), path.isfile(__file__), path.isdir(__file__))  # expect: True True False
print(path.exists("/no/such/path"), path.isdir("/no/such"), path.isfile("/no/such"))  # expect: False False False
print(path.getsize(__file__) > 100)  # expect: True

class Where:
    def __init__(self, p):
        self.p = p
    def __fspath__(self):
        return self.p

print(os.fspath(Where("/tmp")), os.fspath("s"), os.fspath(b"b"), path.isdir(Where("/")))  # expect: /tmp s b'b' True
print(path.join(Where("a"), "b"), path.basename(Where("/x/y")))  # expect: a/b y
try:
    os.fspath(3)
except TypeError as e:
    print(e)  # expect: expected str, bytes or os.PathLike object, not int
