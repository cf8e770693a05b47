try:
z