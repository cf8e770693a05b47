# An uncaught FileNotFoundError from os.stat prints CPython's message.
import os
os.stat("/no/such/minipy/file")  # expect error: FileNotFoundError: [Errno 2] No such file or directory: '/no/such/minipy/file'
