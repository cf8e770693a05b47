# OverflowError from a float power that overflows.
print(10.0 ** 400)
# expect error: OverflowError: (34, 'Numerical result out of range')
