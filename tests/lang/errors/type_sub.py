# TypeError for an unsupported - between str and str.
print("a" - "b")
# expect error: TypeError: unsupported operand type(s) for -: 'str' and 'str'
