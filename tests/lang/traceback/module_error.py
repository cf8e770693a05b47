# A traceback through an imported module shows its file, and a class defined
# there is printed with its module name.
import mod_tbshapes

print(mod_tbshapes.area("square", 2))
mod_tbshapes.area("hexagon", 2)

# expect: 4
# expect stderr: Traceback (most recent call last):
# expect stderr:   File "{FILE}", line 6, in <module>
# expect stderr:     mod_tbshapes.area("hexagon", 2)
# expect stderr:   File "{DIR}/mod_tbshapes.py", line 9, in area
# expect stderr:     raise ShapeError(f"unknown shape {kind!r}")
# expect error: mod_tbshapes.ShapeError: unknown shape 'hexagon'
