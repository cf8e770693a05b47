try:
    pass
except*
    pass