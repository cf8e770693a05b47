'''abc
def