# IndexError for a list index out of range.
a = [1, 2, 3]
print(a[2])  # expect: 3
print(a[3])
# expect error: IndexError: list index out of range
