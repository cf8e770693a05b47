# TypeError for int() of a list.
int([1])
# expect error: TypeError: int() argument must be a string, a bytes-like object or a real number, not 'list'
