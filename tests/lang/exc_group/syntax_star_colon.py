# except* without a colon.
try:
    pass
except* ValueError
    pass
# expect stderr:   File "{FILE}", line 4
# expect stderr:     except* ValueError
# expect stderr:                       ^
# expect error: SyntaxError: expected ':'
