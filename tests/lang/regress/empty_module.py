# Modules with no statements at all (found by fuzz_compile: UBSan reported
# "applying zero offset to null pointer" where the compiler skipped the
# docstring of an empty body).
for src in ["", "# only a comment\n", "\n\n"]:
    co = compile(src, "<empty>", "exec")
    print(repr(src), exec(co))
# expect: '' None
# expect: '# only a comment\n' None
# expect: '\n\n' None
