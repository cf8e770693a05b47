# Methods of built-in types; the case-only difference costs least.
words = ["a", "b"]
try:
    words.Append("c")
except AttributeError as e:
    print(e)
words.apend("c")

# expect: 'list' object has no attribute 'Append'
# expect stderr: Traceback (most recent call last):
# expect stderr:   File "{FILE}", line 7, in <module>
# expect stderr:     words.apend("c")
# expect stderr:     ^^^^^^^^^^^
# expect error: AttributeError: 'list' object has no attribute 'apend'. Did you mean: 'append'?
