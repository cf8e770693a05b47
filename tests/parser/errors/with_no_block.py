with x:
z