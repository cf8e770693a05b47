# TypeError for len() of an int.
len(3)
# expect error: TypeError: object of type 'int' has no len()
