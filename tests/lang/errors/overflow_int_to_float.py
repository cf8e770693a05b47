# OverflowError converting a huge int to float.
float(10 ** 400)
# expect error: OverflowError: int too large to convert to float
