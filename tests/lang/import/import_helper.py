# Importing .py modules that sit next to the script; module code runs once; caching.
import mod_shapes
# expect: mod_shapes loading
print(mod_shapes.area(3, 4))  # expect: 12
print(mod_shapes.Square(5).area())  # expect: 25
print(mod_shapes.PI_ISH, mod_shapes.__name__)  # expect: 3 mod_shapes
import mod_shapes
import mod_shapes as again
print(again is mod_shapes, mod_shapes.loaded)  # expect: True ['mod_shapes']
from mod_shapes import Square, area as ar
print(ar(2, 5), Square(2).side)  # expect: 10 2
from mod_uses_math import circle, rect
print(circle(1), rect(2, 3))  # expect: 3.14 6
import mod_uses_math
print(mod_uses_math.math.floor(2.5))  # expect: 2
import sys
print("mod_shapes" in sys.modules, "mod_uses_math" in sys.modules)  # expect: True True
mod_shapes.PI_ISH = 4
from mod_shapes import PI_ISH
print(PI_ISH)  # expect: 4
