# except* without an indented block.
try:
    pass
except* ValueError:
pass
# expect stderr:   File "{FILE}", line 5
# expect stderr:     pass
# expect stderr:     ^
# expect error: IndentationError: expected an indented block after 'except*' statement on line 4
