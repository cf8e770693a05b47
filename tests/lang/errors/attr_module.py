# AttributeError for a missing module attribute.
import math
math.foo
# expect error: AttributeError: module 'math' has no attribute 'foo'
