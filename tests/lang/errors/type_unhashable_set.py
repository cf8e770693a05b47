# TypeError for a dict added to a set.
s = set()
s.add({})
# expect error: TypeError: unhashable type: 'dict'
