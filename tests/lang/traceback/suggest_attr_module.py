# Module attributes: math.sqr -> math.sqrt.
import math

print(math.sqrt(16))
print(math.sqr(16))

# expect: 4.0
# expect stderr: Traceback (most recent call last):
# expect stderr:   File "{FILE}", line 5, in <module>
# expect stderr:     print(math.sqr(16))
# expect stderr:           ^^^^^^^^
# expect error: AttributeError: module 'math' has no attribute 'sqr'. Did you mean: 'sqrt'?
