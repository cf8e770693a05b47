"""asyncio for minipy: an event loop on a selector, Futures, Tasks driving
coroutines, and the functions and classes built on them, arranged as
CPython's asyncio package (one module per concern, each with __all__).

Start with asyncio.run(main()). The loop itself is in base_events and
selector_events; Future in futures, Task in tasks.
"""

import sys

from .base_events import *
from .coroutines import *
from .events import *
from .exceptions import *
from .futures import *
from .locks import *
from .protocols import *
from .runners import *
from .queues import *
from .streams import *
from .tasks import *
from .taskgroups import *
from .timeouts import *
from .threads import *
from .transports import *
from .unix_events import *
from .introspect import *

__all__ = (base_events.__all__ +
           coroutines.__all__ +
           events.__all__ +
           exceptions.__all__ +
           futures.__all__ +
           locks.__all__ +
           protocols.__all__ +
           runners.__all__ +
           queues.__all__ +
           streams.__all__ +
           tasks.__all__ +
           taskgroups.__all__ +
           threads.__all__ +
           timeouts.__all__ +
           transports.__all__ +
           unix_events.__all__ +
           introspect.__all__)
