try:
    pass
except*:
    pass