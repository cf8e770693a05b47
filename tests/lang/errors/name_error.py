# NameError for an undefined name.
print("before")  # expect: before
print(x)
# expect error: NameError: name 'x' is not defined
