"""Future, Executor, wait() and as_completed() (CPython 3.11 API).

Tandem's own implementation.  It avoids collections, logging, types and
weakref: errors in done-callbacks go to the "concurrent.futures" logger when
the logging module exists, otherwise straight to sys.stderr in the same format.
"""

import sys
import threading
import time

FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'
_AS_COMPLETED = '_AS_COMPLETED'

# Future._state values.  A cancel() moves PENDING to CANCELLED; the worker
# that then dequeues the call moves it on to CANCELLED_AND_NOTIFIED after
# telling the waiters of wait()/as_completed().
PENDING = 'PENDING'
RUNNING = 'RUNNING'
CANCELLED = 'CANCELLED'
CANCELLED_AND_NOTIFIED = 'CANCELLED_AND_NOTIFIED'
FINISHED = 'FINISHED'

_STATE_TO_DESCRIPTION_MAP = {
    PENDING: "pending",
    RUNNING: "running",
    CANCELLED: "cancelled",
    CANCELLED_AND_NOTIFIED: "cancelled",
    FINISHED: "finished",
}

_DONE_STATES = (CANCELLED_AND_NOTIFIED, FINISHED)
_CANCELLED_STATES = (CANCELLED, CANCELLED_AND_NOTIFIED)


class Error(Exception):
    """Base class for all future-related exceptions."""
    pass


class CancelledError(Error):
    """The Future was cancelled."""
    pass


# Since Python 3.11 the futures' timeout error is the builtin one.
TimeoutError = TimeoutError


class InvalidStateError(Error):
    """The operation is not allowed in this state."""
    pass


class BrokenExecutor(RuntimeError):
    """The executor cannot run calls any more (e.g. a worker failed to start)."""


def _log(level, message, *args, exc_info=False):
    """Log through logging.getLogger("concurrent.futures") when logging exists.

    level is a logger method name ('error', 'critical').  Without logging,
    write what logging's last-resort handler would: the message, then the
    current traceback when exc_info is true.
    """
    try:
        import logging
    except ImportError:
        logging = None
    if logging is not None:
        log = getattr(logging.getLogger("concurrent.futures"), level)
        log(message, *args, exc_info=exc_info)
        return
    stderr = sys.stderr
    if stderr is None:
        return
    stderr.write((message % args) + "\n")
    if exc_info:
        sys.excepthook(*sys.exc_info())


# --- Waiters: how wait() and as_completed() learn about finished futures ----------

class _Waiter(object):
    """Collects the futures that finish; wait()/as_completed() block on .event."""

    def __init__(self):
        self.event = threading.Event()
        self.finished_futures = []

    def add_result(self, future):
        self.finished_futures.append(future)

    def add_exception(self, future):
        self.finished_futures.append(future)

    def add_cancelled(self, future):
        self.finished_futures.append(future)


class _AsCompletedWaiter(_Waiter):
    """Used by as_completed(): wakes up on every finished future."""

    def __init__(self):
        super(_AsCompletedWaiter, self).__init__()
        self.lock = threading.Lock()

    def add_result(self, future):
        with self.lock:
            super(_AsCompletedWaiter, self).add_result(future)
            self.event.set()

    def add_exception(self, future):
        with self.lock:
            super(_AsCompletedWaiter, self).add_exception(future)
            self.event.set()

    def add_cancelled(self, future):
        with self.lock:
            super(_AsCompletedWaiter, self).add_cancelled(future)
            self.event.set()


class _FirstCompletedWaiter(_Waiter):
    """Used by wait(return_when=FIRST_COMPLETED)."""

    def add_result(self, future):
        super().add_result(future)
        self.event.set()

    def add_exception(self, future):
        super().add_exception(future)
        self.event.set()

    def add_cancelled(self, future):
        super().add_cancelled(future)
        self.event.set()


class _AllCompletedWaiter(_Waiter):
    """Used by wait(return_when=FIRST_EXCEPTION and ALL_COMPLETED)."""

    def __init__(self, num_pending_calls, stop_on_exception):
        self.num_pending_calls = num_pending_calls
        self.stop_on_exception = stop_on_exception
        self.lock = threading.Lock()
        super().__init__()

    def _decrement_pending_calls(self):
        with self.lock:
            self.num_pending_calls -= 1
            if not self.num_pending_calls:
                self.event.set()

    def add_result(self, future):
        super().add_result(future)
        self._decrement_pending_calls()

    def add_exception(self, future):
        super().add_exception(future)
        if self.stop_on_exception:
            self.event.set()
        else:
            self._decrement_pending_calls()

    def add_cancelled(self, future):
        super().add_cancelled(future)
        self._decrement_pending_calls()


class _AcquireFutures(object):
    """Holds the conditions of several futures, always taken in the same order."""

    def __init__(self, futures):
        self.futures = sorted(futures, key=id)

    def __enter__(self):
        for future in self.futures:
            future._condition.acquire()

    def __exit__(self, *args):
        for future in self.futures:
            future._condition.release()


def _create_and_install_waiters(fs, return_when):
    if return_when == _AS_COMPLETED:
        waiter = _AsCompletedWaiter()
    elif return_when == FIRST_COMPLETED:
        waiter = _FirstCompletedWaiter()
    else:
        pending_count = sum(
            f._state not in _DONE_STATES for f in fs)
        if return_when == FIRST_EXCEPTION:
            waiter = _AllCompletedWaiter(pending_count, stop_on_exception=True)
        elif return_when == ALL_COMPLETED:
            waiter = _AllCompletedWaiter(pending_count, stop_on_exception=False)
        else:
            raise ValueError("Invalid return condition: %r" % return_when)
    for f in fs:
        f._waiters.append(waiter)
    return waiter


def _yield_finished_futures(fs, waiter, ref_collect):
    """Yield the futures of fs, last first, forgetting them as they go.

    Every yielded future is also removed from the sets in ref_collect and
    its waiter is uninstalled, so the caller keeps no reference to it.
    """
    while fs:
        f = fs[-1]
        for futures_set in ref_collect:
            futures_set.remove(f)
        with f._condition:
            f._waiters.remove(waiter)
        del f  # the yielded value must be the only reference we hold
        yield fs.pop()


def as_completed(fs, timeout=None):
    """An iterator over the given futures that yields each as it completes.

    Raises TimeoutError when the futures are not all done after `timeout`
    seconds from the original call.
    """
    if timeout is not None:
        end_time = timeout + time.monotonic()

    fs = set(fs)
    total_futures = len(fs)
    with _AcquireFutures(fs):
        finished = set(f for f in fs if f._state in _DONE_STATES)
        pending = fs - finished
        waiter = _create_and_install_waiters(fs, _AS_COMPLETED)
    finished = list(finished)
    try:
        yield from _yield_finished_futures(finished, waiter, ref_collect=(fs,))

        while pending:
            if timeout is None:
                wait_timeout = None
            else:
                wait_timeout = end_time - time.monotonic()
                if wait_timeout < 0:
                    raise TimeoutError('%d (of %d) futures unfinished' % (
                        len(pending), total_futures))

            waiter.event.wait(wait_timeout)

            with waiter.lock:
                finished = waiter.finished_futures
                waiter.finished_futures = []
                waiter.event.clear()

            # _yield_finished_futures() pops from the end: reverse to yield
            # in finishing order.
            finished.reverse()
            yield from _yield_finished_futures(finished, waiter, ref_collect=(fs, pending))

    finally:
        # fs now holds only the futures not yielded: uninstall the waiter.
        for f in fs:
            with f._condition:
                f._waiters.remove(waiter)


class DoneAndNotDoneFutures(tuple):
    """DoneAndNotDoneFutures(done, not_done): what wait() returns (a named 2-tuple)."""

    __slots__ = ()
    _fields = ('done', 'not_done')

    def __new__(cls, done, not_done):
        return tuple.__new__(cls, (done, not_done))

    @property
    def done(self):
        return self[0]

    @property
    def not_done(self):
        return self[1]

    def __repr__(self):
        return '%s(done=%r, not_done=%r)' % (self.__class__.__name__, self[0], self[1])

    def _asdict(self):
        return {'done': self[0], 'not_done': self[1]}

    def __getnewargs__(self):
        return tuple(self)


def wait(fs, timeout=None, return_when=ALL_COMPLETED):
    """Wait for the futures in fs to complete.

    Returns DoneAndNotDoneFutures(done, not_done), two sets.  return_when is
    FIRST_COMPLETED, FIRST_EXCEPTION or ALL_COMPLETED (the default).
    """
    fs = set(fs)
    with _AcquireFutures(fs):
        done = set(f for f in fs if f._state in _DONE_STATES)
        not_done = fs - done
        if (return_when == FIRST_COMPLETED) and done:
            return DoneAndNotDoneFutures(done, not_done)
        elif (return_when == FIRST_EXCEPTION) and done:
            if any(f for f in done
                   if not f.cancelled() and f.exception() is not None):
                return DoneAndNotDoneFutures(done, not_done)

        if len(done) == len(fs):
            return DoneAndNotDoneFutures(done, not_done)

        waiter = _create_and_install_waiters(fs, return_when)

    waiter.event.wait(timeout)
    for f in fs:
        with f._condition:
            f._waiters.remove(waiter)

    done.update(waiter.finished_futures)
    return DoneAndNotDoneFutures(done, fs - done)


def _result_or_cancel(fut, timeout=None):
    try:
        try:
            return fut.result(timeout)
        finally:
            fut.cancel()
    finally:
        # The exception's traceback refers to this frame; drop fut.
        del fut


class Future(object):
    """Represents the result of an asynchronous computation."""

    def __init__(self):
        """Create a pending future (executors do this, not their users)."""
        self._condition = threading.Condition()
        self._state = PENDING
        self._result = None
        self._exception = None
        self._waiters = []
        self._done_callbacks = []

    def _invoke_callbacks(self):
        for callback in self._done_callbacks:
            try:
                callback(self)
            except Exception:
                _log('error', 'exception calling callback for %r', self, exc_info=True)

    def __repr__(self):
        with self._condition:
            if self._state == FINISHED:
                if self._exception:
                    return '<%s at %#x state=%s raised %s>' % (
                        self.__class__.__name__,
                        id(self),
                        _STATE_TO_DESCRIPTION_MAP[self._state],
                        self._exception.__class__.__name__)
                else:
                    return '<%s at %#x state=%s returned %s>' % (
                        self.__class__.__name__,
                        id(self),
                        _STATE_TO_DESCRIPTION_MAP[self._state],
                        self._result.__class__.__name__)
            return '<%s at %#x state=%s>' % (
                self.__class__.__name__,
                id(self),
                _STATE_TO_DESCRIPTION_MAP[self._state])

    def cancel(self):
        """Cancel the future if possible.

        Returns True if the future was cancelled, False otherwise. A future
        cannot be cancelled if it is running or has already completed.
        """
        with self._condition:
            if self._state in [RUNNING, FINISHED]:
                return False

            if self._state in _CANCELLED_STATES:
                return True

            self._state = CANCELLED
            self._condition.notify_all()

        self._invoke_callbacks()
        return True

    def cancelled(self):
        """Return True if the future was cancelled."""
        with self._condition:
            return self._state in _CANCELLED_STATES

    def running(self):
        """Return True if the future is currently executing."""
        with self._condition:
            return self._state == RUNNING

    def done(self):
        """Return True if the future was cancelled or finished executing."""
        with self._condition:
            return self._state in [CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED]

    def __get_result(self):
        if self._exception:
            try:
                raise self._exception
            finally:
                # The traceback refers to this frame: drop self to avoid a cycle.
                self = None
        else:
            return self._result

    def add_done_callback(self, fn):
        """Attaches a callable that will be called when the future finishes.

        fn is called with the future as its only argument, immediately when
        the future is already done.  Exceptions it raises are logged.
        """
        with self._condition:
            if self._state not in [CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED]:
                self._done_callbacks.append(fn)
                return
        try:
            fn(self)
        except Exception:
            _log('error', 'exception calling callback for %r', self, exc_info=True)

    def result(self, timeout=None):
        """Return the result of the call that the future represents.

        Raises CancelledError, TimeoutError (not done within timeout seconds)
        or the exception raised by the call.
        """
        try:
            with self._condition:
                if self._state in _CANCELLED_STATES:
                    raise CancelledError()
                elif self._state == FINISHED:
                    return self.__get_result()

                self._condition.wait(timeout)

                if self._state in _CANCELLED_STATES:
                    raise CancelledError()
                elif self._state == FINISHED:
                    return self.__get_result()
                else:
                    raise TimeoutError()
        finally:
            self = None  # see __get_result

    def exception(self, timeout=None):
        """Return the exception raised by the call (None if it returned).

        Raises CancelledError or TimeoutError like result().
        """
        with self._condition:
            if self._state in _CANCELLED_STATES:
                raise CancelledError()
            elif self._state == FINISHED:
                return self._exception

            self._condition.wait(timeout)

            if self._state in _CANCELLED_STATES:
                raise CancelledError()
            elif self._state == FINISHED:
                return self._exception
            else:
                raise TimeoutError()

    # Used by executors (and tests) to drive the future.
    def set_running_or_notify_cancel(self):
        """Mark the future as running or process any cancel notifications.

        Returns False when the future was cancelled (its waiters are told),
        True when it is now running.  Raises RuntimeError in any other state.
        """
        with self._condition:
            if self._state == CANCELLED:
                self._state = CANCELLED_AND_NOTIFIED
                for waiter in self._waiters:
                    waiter.add_cancelled(self)
                # cancel() already notified the condition.
                return False
            elif self._state == PENDING:
                self._state = RUNNING
                return True
            else:
                _log('critical', 'Future %s in unexpected state: %s',
                     id(self), self._state)
                raise RuntimeError('Future in unexpected state')

    def set_result(self, result):
        """Finish the future with a result (InvalidStateError if already done)."""
        self._finish(result, None, failed=False)

    def set_exception(self, exception):
        """Finish the future with an exception (InvalidStateError if already done)."""
        self._finish(None, exception, failed=True)

    def _finish(self, result, exception, failed):
        with self._condition:
            if self._state in {CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED}:
                raise InvalidStateError('{}: {!r}'.format(self._state, self))
            self._result = result
            self._exception = exception
            self._state = FINISHED
            for waiter in self._waiters:
                if not failed:
                    waiter.add_result(self)
                else:
                    waiter.add_exception(self)
            self._condition.notify_all()
        self._invoke_callbacks()


class Executor(object):
    """Base class of the executors: submit() plus map() and the with-statement."""

    def submit(self, fn, /, *args, **kwargs):
        """Schedule fn(*args, **kwargs); return the Future of its outcome."""
        raise NotImplementedError()

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        """Returns an iterator equivalent to map(fn, iter).

        All calls are submitted at once; the iterator yields their results in
        order and raises TimeoutError when one is not ready `timeout` seconds
        after map() was called.
        """
        if timeout is not None:
            end_time = timeout + time.monotonic()

        fs = [self.submit(fn, *args) for args in zip(*iterables)]

        # Everything is submitted now; only the collection of the results is
        # lazy, which is why the generator is a nested function.
        def result_iterator():
            try:
                fs.reverse()  # pop() from the end gives submission order
                while fs:
                    # Pass the popped future straight on: no name keeps it.
                    if timeout is None:
                        yield _result_or_cancel(fs.pop())
                    else:
                        yield _result_or_cancel(fs.pop(), end_time - time.monotonic())
            finally:
                for future in fs:
                    future.cancel()
        return result_iterator()

    def shutdown(self, wait=True, *, cancel_futures=False):
        """Free the executor's resources; the base class has none."""
        pass

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown(wait=True)
        return False
