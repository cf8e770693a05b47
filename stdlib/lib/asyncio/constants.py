"""Numbers the event loop and the transports share."""

# Warn after this many failed writes to a closed socket transport.
LOG_THRESHOLD_FOR_CONNLOST_WRITES = 5

# Seconds to wait before retrying accept() after running out of descriptors.
ACCEPT_RETRY_DELAY = 1

# Frames kept when debug mode records where a handle or future was made.
DEBUG_STACK_DEPTH = 10

# Default timeouts, in seconds.
SSL_HANDSHAKE_TIMEOUT = 60.0
SSL_SHUTDOWN_TIMEOUT = 30.0
SENDFILE_FALLBACK_READBUFFER_SIZE = 1024 * 256
FLOW_CONTROL_HIGH_WATER_SSL_READ = 256  # KiB
FLOW_CONTROL_HIGH_WATER_SSL_WRITE = 512  # KiB

# Executor shutdown timeout, in seconds (asyncio.run waits this long).
THREAD_JOIN_TIMEOUT = 300


class _SendfileMode:
    UNSUPPORTED = 1
    TRY_NATIVE = 2
    FALLBACK = 3
