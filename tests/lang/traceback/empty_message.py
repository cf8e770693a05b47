# An exception with an empty message prints only its type name.
class Done(Exception):
    pass


try:
    raise Done("")
except Done as e:
    print(repr(str(e)))
raise Done

# expect: ''
# expect stderr: Traceback (most recent call last):
# expect stderr:   File "{FILE}", line 10, in <module>
# expect stderr:     raise Done
# expect error: Done
