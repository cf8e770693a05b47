# input() reads lines from stdin (prompt goes to stdout), EOFError at end of input.
# stdin: Alice
# stdin: 3 4
# stdin:   spaced  
name = input()
print("Hello,", name)  # expect: Hello, Alice
a, b = map(int, input("numbers? ").split())
print(a + b)  # expect: numbers? 7
print(repr(input()))  # expect: '  spaced  '
try:
    input()
except EOFError:
    print("EOF")  # expect: EOF
