x = f"{}"  # c
y = 2