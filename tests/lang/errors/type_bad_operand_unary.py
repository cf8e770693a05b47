# TypeError for unary minus on a str.
print(-"a")
# expect error: TypeError: bad operand type for unary -: 'str'
