# IndexError for a string index out of range.
s = "abc"
print(s[10])
# expect error: IndexError: string index out of range
