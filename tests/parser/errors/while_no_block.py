while x:
z