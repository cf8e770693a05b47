# `await` at module level is a SyntaxError (the compiler's; caret line not checked).
# expect stderr:   File "{FILE}", line 6
# expect stderr:     print(await thing)
# expect error: SyntaxError: 'await' outside function
thing = None
print(await thing)
