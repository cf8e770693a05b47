# Tabs and spaces mixed inconsistently: TabError.
# expect stderr:   File "{FILE}", line 7
# expect stderr:     y = 2
# expect error: TabError: inconsistent use of tabs and spaces in indentation
if True:
        x = 1
	y = 2
