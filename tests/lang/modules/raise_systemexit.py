# raise SystemExit(N) behaves like sys.exit(N); exit status from the code.
# expect exit: 7
print("raising")  # expect: raising
raise SystemExit(7)
