# An exception raised while handling another: the "During handling" chaining message.
try:
    {}["k"]
except KeyError:
    undefined_name
# expect stderr: Traceback (most recent call last):
# expect stderr:   File "{FILE}", line 3, in <module>
# expect stderr: KeyError: 'k'
# expect stderr: During handling of the above exception, another exception occurred:
# expect stderr: Traceback (most recent call last):
# expect stderr:   File "{FILE}", line 5, in <module>
# expect stderr:     undefined_name
# expect error: NameError: name 'undefined_name' is not defined
