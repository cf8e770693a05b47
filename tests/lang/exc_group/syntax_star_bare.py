# except* needs a type.
try:
    pass
except*:
    pass
# expect stderr:   File "{FILE}", line 4
# expect stderr:     except*:
# expect stderr:            ^
# expect error: SyntaxError: expected one or more exception types
