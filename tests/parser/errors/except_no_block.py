try:
    pass
except:
z