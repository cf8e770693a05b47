# A def without an indented body.
# expect stderr:   File "{FILE}", line 7
# expect stderr:     print("x")
# expect stderr:     ^
# expect error: IndentationError: expected an indented block after function definition on line 6
def f():
print("x")
