"""The resource module (CPython's Modules/resource.c), the part minipy has:
getrusage(who), the resources used by this process, its waited-for
children, or the calling thread. Written on posix._getrusage (getrusage(2))."""

import posix as _posix

RUSAGE_SELF = 0
RUSAGE_CHILDREN = -1
RUSAGE_THREAD = 1

error = OSError


class struct_rusage(tuple):
    """struct_rusage: Result from getrusage.

    This object may be accessed either as a tuple of
        (utime,stime,maxrss,ixrss,idrss,isrss,minflt,majflt,
        nswap,inblock,oublock,msgsnd,msgrcv,nsignals,nvcsw,nivcsw)
    or via the attributes ru_utime, ru_stime, ru_maxrss, and so on."""

    n_sequence_fields = n_fields = 16
    n_unnamed_fields = 0
    _fields = ('ru_utime', 'ru_stime', 'ru_maxrss', 'ru_ixrss', 'ru_idrss', 'ru_isrss',
               'ru_minflt', 'ru_majflt', 'ru_nswap', 'ru_inblock', 'ru_oublock',
               'ru_msgsnd', 'ru_msgrcv', 'ru_nsignals', 'ru_nvcsw', 'ru_nivcsw')

    def __new__(cls, values):
        values = tuple(values)
        if len(values) != 16:
            raise TypeError("resource.struct_rusage() takes a 16-sequence (%d-sequence given)"
                            % len(values))
        return tuple.__new__(cls, values)

    ru_utime = property(lambda self: self[0], doc="user time used")
    ru_stime = property(lambda self: self[1], doc="system time used")
    ru_maxrss = property(lambda self: self[2], doc="max. resident set size")
    ru_ixrss = property(lambda self: self[3], doc="shared memory size")
    ru_idrss = property(lambda self: self[4], doc="unshared data size")
    ru_isrss = property(lambda self: self[5], doc="unshared stack size")
    ru_minflt = property(lambda self: self[6], doc="page faults not requiring I/O")
    ru_majflt = property(lambda self: self[7], doc="page faults requiring I/O")
    ru_nswap = property(lambda self: self[8], doc="number of swap outs")
    ru_inblock = property(lambda self: self[9], doc="block input operations")
    ru_oublock = property(lambda self: self[10], doc="block output operations")
    ru_msgsnd = property(lambda self: self[11], doc="IPC messages sent")
    ru_msgrcv = property(lambda self: self[12], doc="IPC messages received")
    ru_nsignals = property(lambda self: self[13], doc="signals received")
    ru_nvcsw = property(lambda self: self[14], doc="voluntary context switches")
    ru_nivcsw = property(lambda self: self[15], doc="involuntary context switches")

    def __repr__(self):
        return "resource.struct_rusage(%s)" % ", ".join(
            "%s=%r" % (name, value) for name, value in zip(self._fields, self))

    def __reduce__(self):
        return (struct_rusage, (tuple(self),))


def getrusage(who):
    """Return the resource usage of who: RUSAGE_SELF, RUSAGE_CHILDREN or
    RUSAGE_THREAD."""
    return struct_rusage(_posix._getrusage(who))

