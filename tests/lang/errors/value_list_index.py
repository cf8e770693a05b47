# ValueError from list.index of a missing value.
["a"].index("q")
# expect error: ValueError: 'q' is not in list
