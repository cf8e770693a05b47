# A traceback that passes through a helper module next to the test ({DIR} is its directory).
import mod_boom

print("calling")
mod_boom.explode([])
# expect: calling
# expect stderr: Traceback (most recent call last):
# expect stderr:   File "{FILE}", line 5, in <module>
# expect stderr:     mod_boom.explode([])
# expect stderr:   File "{DIR}/mod_boom.py", line 4, in explode
# expect stderr:     return items[1]
# expect error: IndexError: list index out of range
