# sys.argv: script path first, then the extra command-line arguments.
# args: one "two words" 3
import sys
print(len(sys.argv))  # expect: 4
print(sys.argv[0].endswith("sys_argv.py"))  # expect: True
print(sys.argv[1:])  # expect: ['one', 'two words', '3']
print(int(sys.argv[3]) * 2)  # expect: 6
print(type(sys.argv).__name__)  # expect: list
