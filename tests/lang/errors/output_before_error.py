# Output printed before an uncaught error is kept (stdout flushed at exit).
for i in range(3):
    print("line", i)
# expect: line 0
# expect: line 1
# expect: line 2
data = {"a": [1, 2]}
print(data["a"][5])
# expect stderr:   File "{FILE}", line 8, in <module>
# expect stderr:     print(data["a"][5])
# expect error: IndexError: list index out of range
