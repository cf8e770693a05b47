try:
    pass
except
    pass