x = """abc
y