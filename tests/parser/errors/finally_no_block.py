try:
    pass
finally:
z