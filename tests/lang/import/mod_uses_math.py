# Helper module: imports another module and a sibling helper.
import math
from mod_shapes import area

def circle(r):
    return round(math.pi * r * r, 2)

def rect(w, h):
    return area(w, h)
