# TypeError for list + tuple.
print([1] + (2,))
# expect error: TypeError: can only concatenate list (not "tuple") to list
