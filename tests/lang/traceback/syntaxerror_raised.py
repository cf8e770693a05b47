# A SyntaxError raised by hand prints its location block like a parse error.
def parse(line):
    raise SyntaxError("unexpected token", ("config.txt", 3, 7, "key = = value\n", 3, 8))


parse("key = = value")

# expect stderr: Traceback (most recent call last):
# expect stderr:   File "{FILE}", line 6, in <module>
# expect stderr:     parse("key = = value")
# expect stderr:   File "{FILE}", line 3, in parse
# expect stderr:     raise SyntaxError("unexpected token", ("config.txt", 3, 7, "key = = value\n", 3, 8))
# expect stderr:   File "config.txt", line 3
# expect stderr:     key = = value
# expect stderr:           ^
# expect error: SyntaxError: unexpected token
