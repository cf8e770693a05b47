"""Starting a child process with fork() (CPython's multiprocessing.popen_fork).

The parent and the child are joined by two pipes. The child keeps the
write end of the first: when it exits, for whatever reason, the parent's
read end (the sentinel) becomes readable at end-of-file, which is what
Process.join(timeout) and connection.wait() wait for. The parent keeps the
write end of the second, which the child can watch in the same way
(parent_process().is_alive()).
"""

import os
import signal

from . import util

__all__ = ['Popen']


class Popen:
    method = 'fork'

    def __init__(self, process_obj):
        # Buffered output would be written twice: by the parent and by the child.
        util._flush_std_streams()
        self.returncode = None
        self.sentinel = None
        self._fds = ()
        self._launch(process_obj)

    def duplicate_for_child(self, fd):
        return fd

    def poll(self, flag=os.WNOHANG):
        if self.returncode is None:
            try:
                pid, sts = os.waitpid(self.pid, flag)
            except OSError:
                # Child process not yet created, or already reaped.
                return None
            if pid == self.pid:
                self.returncode = os.waitstatus_to_exitcode(sts)
        return self.returncode

    def wait(self, timeout=None):
        if self.returncode is None:
            if timeout is not None:
                from multiprocessing.connection import wait
                if not wait([self.sentinel], timeout):
                    return None
            # This shouldn't block if wait() returned successfully.
            return self.poll(os.WNOHANG if timeout == 0.0 else 0)
        return self.returncode

    def _send_signal(self, sig):
        if self.returncode is None:
            try:
                os.kill(self.pid, sig)
            except ProcessLookupError:
                pass
            except OSError:
                if self.wait(timeout=0.1) is None:
                    raise

    def terminate(self):
        self._send_signal(signal.SIGTERM)

    def kill(self):
        self._send_signal(signal.SIGKILL)

    def _launch(self, process_obj):
        code = 1
        parent_r, child_w = os.pipe()
        child_r, parent_w = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:
            try:
                os.close(parent_r)
                os.close(parent_w)
                code = process_obj._bootstrap(parent_sentinel=child_r)
            finally:
                os._exit(code)
        else:
            os.close(child_w)
            os.close(child_r)
            self._fds = (parent_r, parent_w)
            self.sentinel = parent_r

    def close(self):
        fds, self._fds = self._fds, ()
        for fd in fds:
            try:
                os.close(fd)
            except OSError:
                pass

    def __del__(self):
        # CPython closes them with a finalizer when the Popen is collected.
        if self._fds and self._fds[0] is not None:
            self.close()
