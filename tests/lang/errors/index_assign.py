# IndexError when assigning past the end of a list.
a = []
a[0] = 1
# expect error: IndexError: list assignment index out of range
