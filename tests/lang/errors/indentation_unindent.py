# A dedent to a column that matches no outer block.
# expect stderr:   File "{FILE}", line 7
# expect stderr:     print("dedent")
# expect error: IndentationError: unindent does not match any outer indentation level
for i in range(3):
    print(i)
  print("dedent")
