# An exception whose message is the empty string prints just the class name.
raise ValueError("")
# expect error: ValueError
