# A UTF-8 sequence cut short.
# expect error: SyntaxError: Non-UTF-8 code starting with '\xe2' in file {FILE} on line 4, but no encoding declared; see https://peps.python.org/pep-0263/ for details
x = 1
s = "â‚"
