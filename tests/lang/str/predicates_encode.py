# str: isdigit/isalpha/isalnum/isspace/isdecimal/isnumeric and encode.
print("123".isdigit(), "12a".isdigit(), "".isdigit())  # expect: True False False
print("ab12".isalnum(), "ab 12".isalnum())  # expect: True False
print(" \t\n".isspace(), "".isspace(), " a ".isspace())  # expect: True False False
print("-1".isdigit())  # expect: False
print("x1".isidentifier(), "1x".isidentifier())  # expect: True False
print("abc".encode())  # expect: b'abc'
print("é".encode())  # expect: b'\xc3\xa9'
print("é".encode("utf-8"))  # expect: b'\xc3\xa9'
print(len("€".encode("utf-8")))  # expect: 3
print("A€".encode("utf-8").decode("utf-8"))  # expect: A€
print("abc".encode("ascii"))  # expect: b'abc'
print(type("x".encode()).__name__)  # expect: bytes
print("hello".format())  # expect: hello
print("{} + {} = {}".format(1, 2, 3))  # expect: 1 + 2 = 3
