# str: upper/lower/title/capitalize/swapcase and zfill/center/ljust/rjust.
print("Hello World".upper())  # expect: HELLO WORLD
print("Hello World".lower())  # expect: hello world
print("hello world".title())  # expect: Hello World
print("hello WORLD".capitalize())  # expect: Hello world
print("Hello".swapcase())  # expect: hELLO
print("42".zfill(5))  # expect: 00042
print("-42".zfill(5))  # expect: -0042
print("12345".zfill(3))  # expect: 12345
print("[" + "ab".center(6) + "]")  # expect: [  ab  ]
print("[" + "ab".center(7, "*") + "]")  # expect: [***ab**]
print("[" + "abc".center(6) + "]")  # expect: [ abc  ]
print("[" + "ab".ljust(5) + "]")  # expect: [ab   ]
print("[" + "ab".rjust(5, "0") + "]")  # expect: [000ab]
print("[" + "toolong".ljust(3) + "]")  # expect: [toolong]
print("abc".isupper(), "ABC".isupper(), "abc".islower())  # expect: False True True
