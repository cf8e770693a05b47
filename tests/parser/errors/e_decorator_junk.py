@dec junk
def f(): pass