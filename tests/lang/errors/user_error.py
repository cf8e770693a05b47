# A user exception class prints as 'Name: message' without __main__.
class MyError(Exception):
    pass
raise MyError("something bad")
# expect error: MyError: something bad
