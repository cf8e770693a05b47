# OSError subclasses: "[Errno N] message: 'filename'".
try:
    raise OSError(5, "Input/output error")
except OSError as e:
    print(e)
open("/nonexistent-dir/data.txt")

# expect: [Errno 5] Input/output error
# expect stderr: Traceback (most recent call last):
# expect stderr:   File "{FILE}", line 6, in <module>
# expect stderr:     open("/nonexistent-dir/data.txt")
# expect error: FileNotFoundError: [Errno 2] No such file or directory: '/nonexistent-dir/data.txt'
