# ValueError from str.index of a missing substring.
"hello".index("z")
# expect error: ValueError: substring not found
