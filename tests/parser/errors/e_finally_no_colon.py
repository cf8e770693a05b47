try:
    pass
finally
    pass