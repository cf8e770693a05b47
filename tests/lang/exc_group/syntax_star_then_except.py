# except* and except on one try: reported at the plain except.
try:
    pass
except* ValueError:
    pass
except TypeError:
    pass
# expect stderr:   File "{FILE}", line 6
# expect stderr:     except TypeError:
# expect stderr:     ^^^^^^
# expect error: SyntaxError: cannot have both 'except' and 'except*' on the same 'try'
