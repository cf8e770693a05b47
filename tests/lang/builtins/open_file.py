# open(): write a text file under /tmp, read it back in several ways, append, clean up.
import time
path = "/tmp/minipy_lang_open_%s_%d.txt" % (str(time.time()).replace(".", ""), id(object()))
with open(path, "w") as f:
    n = f.write("line one\n")
    f.write("line two\nline three\n")
print(n)  # expect: 9
with open(path) as f:
    print(repr(f.read()))  # expect: 'line one\nline two\nline three\n'
with open(path, "r") as f:
    print(f.readline(), end="")  # expect: line one
    print(f.readlines())  # expect: ['line two\n', 'line three\n']
with open(path) as f:
    for line in f:
        print(line.rstrip())
# expect: line one
# expect: line two
# expect: line three
with open(path, "a") as f:
    f.write("appended é\n")
f = open(path, encoding="utf-8")
lines = f.read().splitlines()
f.close()
print(len(lines), lines[-1])  # expect: 4 appended é
print(f.closed)  # expect: True
with open(path, "w") as f:
    print("via print", 1, file=f)
with open(path) as f:
    print(f.read() == "via print 1\n")  # expect: True
try:
    import os  # only for clean-up; without os the file is emptied instead
    os.remove(path)
except ImportError:
    open(path, "w").close()
try:
    open("/tmp/minipy_lang_no_such_dir/missing.txt")
except FileNotFoundError as e:
    print(type(e).__name__, isinstance(e, OSError), e.errno)  # expect: FileNotFoundError True 2
