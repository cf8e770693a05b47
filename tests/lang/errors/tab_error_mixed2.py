# A tab-indented block continued with spaces.
# expect stderr:   File "{FILE}", line 7
# expect stderr:     return x
# expect error: TabError: inconsistent use of tabs and spaces in indentation
def f():
	x = 1
        return x
