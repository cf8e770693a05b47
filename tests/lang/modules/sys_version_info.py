# sys.version_info is a named tuple of the version (CPython's structseq).
import sys

v = sys.version_info
print(v)  # expect: sys.version_info(major=3, minor=11, micro=7, releaselevel='final', serial=0)
print(v.major, v.minor, v.releaselevel, v[:2], len(v))  # expect: 3 11 final (3, 11) 5
print(v >= (3, 8), v < (3, 12), isinstance(v, tuple), type(v).__name__)  # expect: True True True version_info
major, minor, *rest = v
print(major, minor, rest)  # expect: 3 11 [7, 'final', 0]
print(sys.hexversion == 0x030B07F0)  # expect: True
try:
    type(v)()
except TypeError as e:
    print(e)  # expect: cannot create 'sys.version_info' instances
