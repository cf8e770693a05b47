# Helper module for traceback_module.py: fails with an IndexError.

def explode(items):
    return items[1]
