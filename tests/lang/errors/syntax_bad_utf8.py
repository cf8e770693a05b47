# Invalid UTF-8 in the source (no coding declaration).
# expect error: SyntaxError: Non-UTF-8 code starting with '\xe9' in file {FILE} on line 4, but no encoding declared; see https://peps.python.org/pep-0263/ for details
x = 1
s = "café"
