# from module import * skips underscore names; ImportError for missing names.
from mod_shapes import *
# expect: mod_shapes loading
print(area(2, 2), Square(3).area())  # expect: 4 9
print("_private" in dir())  # expect: False
try:
    from mod_shapes import missing_name
except ImportError as e:
    print(type(e).__name__, e.args[0].startswith("cannot import name 'missing_name' from 'mod_shapes'"))  # expect: ImportError True
try:
    import mod_does_not_exist
except ModuleNotFoundError as e:
    print(e)  # expect: No module named 'mod_does_not_exist'
try:
    from math import nope
except ImportError as e:
    print(e.args[0].startswith("cannot import name 'nope' from 'math'"))  # expect: True
