# sys: version, recursion limit get/set, modules, path, stdout/stderr objects.
import sys
print(sys.version.startswith("3"))  # expect: True
print(sys.getrecursionlimit())  # expect: 1000
sys.setrecursionlimit(2000)
print(sys.getrecursionlimit())  # expect: 2000
sys.setrecursionlimit(1000)
import math
print("sys" in sys.modules, "math" in sys.modules)  # expect: True True
print(type(sys.modules).__name__)  # expect: dict
print(type(sys.path).__name__, all([isinstance(p, str) for p in sys.path]))  # expect: list True
print(hasattr(sys.stdout, "write"), hasattr(sys.stderr, "write"))  # expect: True True
