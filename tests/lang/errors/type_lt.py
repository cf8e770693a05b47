# TypeError for < between int and str.
print(1 < "a")
# expect error: TypeError: '<' not supported between instances of 'int' and 'str'
