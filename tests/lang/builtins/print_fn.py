# print: multiple args, sep, end, file=sys.stderr, flush, no args.
import sys
print("a", "b", "c")  # expect: a b c
print("a", "b", sep="")  # expect: ab
print(1, 2, 3, sep=", ")  # expect: 1, 2, 3
print("no newline", end="")
print(" -- continued")  # expect: no newline -- continued
print("x", end="!\n")  # expect: x!
print()  # expect: 
print("to stderr", file=sys.stderr)  # expect stderr: to stderr
print("flushed", flush=True)  # expect: flushed
print("a", "b", sep="\n")
# expect: a
# expect: b
print(None, True, 1.5, [1], (2,), {3: 4})  # expect: None True 1.5 [1] (2,) {3: 4}
print("multi", "sep", sep=" | ", end=" <end>\n")  # expect: multi | sep <end>
print(*[], sep="x")  # expect: 
sys.stdout.write("written\n")  # expect: written
n = sys.stdout.write("abc\n")  # expect: abc
print(n)  # expect: 4
print("err2", file=sys.stderr, end="\n")  # expect stderr: err2
print("back to stdout", file=sys.stdout)  # expect: back to stdout
