# ValueError from list.remove of a missing value.
a = [1, 2]
a.remove(3)
# expect error: ValueError: list.remove(x): x not in list
