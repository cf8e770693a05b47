# RuntimeError with a message.
raise RuntimeError("something went wrong")
# expect error: RuntimeError: something went wrong
