# IndexError for a tuple index out of range.
t = (1,)
print(t[-2])
# expect error: IndexError: tuple index out of range
