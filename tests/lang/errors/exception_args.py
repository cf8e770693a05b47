# An exception with several args prints the args tuple.
raise ValueError("a", 1)
# expect error: ValueError: ('a', 1)
