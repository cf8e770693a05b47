# An exception with no message prints just the class name.
class EmptyError(Exception):
    pass
raise EmptyError
# expect error: EmptyError
