# No suggestion when nothing is close enough, nor for UnboundLocalError.
def f():
    print(valeu)
    valeu = 1


try:
    f()
except UnboundLocalError as e:
    print(type(e).__name__, e)
print(completely_unknown_identifier)

# expect: UnboundLocalError cannot access local variable 'valeu' where it is not associated with a value
# expect stderr: Traceback (most recent call last):
# expect stderr:   File "{FILE}", line 11, in <module>
# expect stderr:     print(completely_unknown_identifier)
# expect stderr:           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
# expect error: NameError: name 'completely_unknown_identifier' is not defined
