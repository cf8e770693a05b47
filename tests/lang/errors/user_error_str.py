# A user exception with __str__ uses it for the final line.
class Custom(Exception):
    def __str__(self):
        return "code 42"
raise Custom()
# expect error: Custom: code 42
