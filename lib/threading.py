"""Thread module emulating a subset of Java's threading model (CPython 3.11 API).

Tandem's own implementation, written on top of the C module `_thread`, of which
it uses only: start_new_thread, allocate_lock, RLock, get_ident,
get_native_id, stack_size, TIMEOUT_MAX, error, _local, _set_sentinel,
_excepthook and _ExceptHookArgs.

Differences from CPython worth knowing:
  * settrace()/setprofile() only store the function (gettrace()/getprofile()
    return it); new threads do not install it.
  * No fork support (_after_fork).
"""

import sys as _sys
import _thread
from _weakrefset import WeakSet
from time import monotonic as _time

__all__ = ['get_ident', 'active_count', 'Condition', 'current_thread',
           'enumerate', 'main_thread', 'TIMEOUT_MAX',
           'Event', 'Lock', 'RLock', 'Semaphore', 'BoundedSemaphore', 'Thread',
           'Barrier', 'BrokenBarrierError', 'Timer', 'ThreadError',
           'setprofile', 'settrace', 'local', 'stack_size',
           'excepthook', 'ExceptHookArgs', 'gettrace', 'getprofile',
           'get_native_id']

# Private aliases so that "from threading import *" stays clean.
_start_new_thread = _thread.start_new_thread
_set_sentinel = _thread._set_sentinel
_allocate_lock = _thread.allocate_lock
get_ident = _thread.get_ident
get_native_id = _thread.get_native_id
ThreadError = _thread.error
TIMEOUT_MAX = _thread.TIMEOUT_MAX
stack_size = _thread.stack_size
local = _thread._local
ExceptHookArgs = _thread._ExceptHookArgs
excepthook = _thread._excepthook
# Original value of excepthook, as in CPython.
__excepthook__ = excepthook
_CRLock = getattr(_thread, 'RLock', None)
Lock = _allocate_lock


def _warn_deprecated(message):
    """Emit a DeprecationWarning when the warnings module exists (it may not)."""
    try:
        import warnings
    except ImportError:
        return
    warnings.warn(message, DeprecationWarning, stacklevel=3)


# --- Debug hooks: stored only (see the module docstring) ---------------------

_profile_hook = None
_trace_hook = None


def setprofile(func):
    """Store a profile function for threads started from now on (not called)."""
    global _profile_hook
    _profile_hook = func


def getprofile():
    """Return the function stored by setprofile()."""
    return _profile_hook


def settrace(func):
    """Store a trace function for threads started from now on (not called)."""
    global _trace_hook
    _trace_hook = func


def gettrace():
    """Return the function stored by settrace()."""
    return _trace_hook


# --- Locks ---------------------------------------------------------------------

def RLock(*args, **kwargs):
    """Return a reentrant lock (the C one when _thread provides it)."""
    if _CRLock is None:
        return _PyRLock(*args, **kwargs)
    return _CRLock(*args, **kwargs)


class _RLock:
    """Reentrant lock in Python: owner thread id plus a recursion count."""

    def __init__(self):
        self._block = _allocate_lock()
        self._owner = None
        self._count = 0

    def __repr__(self):
        owner = self._owner
        try:
            owner = _active[owner].name
        except KeyError:
            pass
        return "<%s %s.%s object owner=%r count=%d at %s>" % (
            "locked" if self._block.locked() else "unlocked",
            self.__class__.__module__, self.__class__.__qualname__,
            owner, self._count, hex(id(self)))

    def acquire(self, blocking=True, timeout=-1):
        me = get_ident()
        if self._owner == me:
            self._count += 1
            return True
        rc = self._block.acquire(blocking, timeout)
        if rc:
            self._owner = me
            self._count = 1
        return rc

    __enter__ = acquire

    def release(self):
        if self._owner != get_ident():
            raise RuntimeError("cannot release un-acquired lock")
        self._count = count = self._count - 1
        if not count:
            self._owner = None
            self._block.release()

    def __exit__(self, t, v, tb):
        self.release()

    # Used by Condition.wait(): drop every level, then restore them.
    def _acquire_restore(self, state):
        self._block.acquire()
        self._count, self._owner = state

    def _release_save(self):
        if self._count == 0:
            raise RuntimeError("cannot release un-acquired lock")
        count = self._count
        self._count = 0
        owner = self._owner
        self._owner = None
        self._block.release()
        return (count, owner)

    def _is_owned(self):
        return self._owner == get_ident()


_PyRLock = _RLock


# --- Condition -------------------------------------------------------------------

class Condition:
    """Condition variable: threads wait() until another notify()s them.

    Each waiter blocks on its own freshly acquired lock; notify() releases
    it.  The list of waiters is only touched while holding the condition's
    lock, so a plain list is enough.
    """

    def __init__(self, lock=None):
        if lock is None:
            lock = RLock()
        self._lock = lock
        self.acquire = lock.acquire
        self.release = lock.release
        # Use the lock's own save/restore/ownership helpers when it has them
        # (RLock), so waiting drops every recursion level.
        if hasattr(lock, '_release_save'):
            self._release_save = lock._release_save
        if hasattr(lock, '_acquire_restore'):
            self._acquire_restore = lock._acquire_restore
        if hasattr(lock, '_is_owned'):
            self._is_owned = lock._is_owned
        self._waiters = []

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __repr__(self):
        return "<Condition(%s, %d)>" % (self._lock, len(self._waiters))

    def _release_save(self):
        self._lock.release()

    def _acquire_restore(self, x):
        self._lock.acquire()

    def _is_owned(self):
        # Plain locks have no owner: "owned" means it cannot be taken now.
        if self._lock.acquire(False):
            self._lock.release()
            return False
        return True

    def wait(self, timeout=None):
        if not self._is_owned():
            raise RuntimeError("cannot wait on un-acquired lock")
        waiter = _allocate_lock()
        waiter.acquire()
        self._waiters.append(waiter)
        saved_state = self._release_save()
        gotit = False
        try:
            if timeout is None:
                waiter.acquire()
                gotit = True
            elif timeout > 0:
                gotit = waiter.acquire(True, timeout)
            else:
                gotit = waiter.acquire(False)
            return gotit
        finally:
            self._acquire_restore(saved_state)
            if not gotit:
                self._remove_waiter(waiter)

    def _remove_waiter(self, waiter):
        try:
            self._waiters.remove(waiter)
        except ValueError:
            pass  # a notify() already removed it

    def wait_for(self, predicate, timeout=None):
        endtime = None
        waittime = timeout
        result = predicate()
        while not result:
            if waittime is not None:
                if endtime is None:
                    endtime = _time() + waittime
                else:
                    waittime = endtime - _time()
                    if waittime <= 0:
                        break
            self.wait(waittime)
            result = predicate()
        return result

    def notify(self, n=1):
        if not self._is_owned():
            raise RuntimeError("cannot notify on un-acquired lock")
        for waiter in self._waiters[:n]:
            waiter.release()
            self._remove_waiter(waiter)

    def notify_all(self):
        self.notify(len(self._waiters))

    def notifyAll(self):
        _warn_deprecated('notifyAll() is deprecated, use notify_all() instead')
        self.notify_all()


# --- Semaphores -----------------------------------------------------------------

class Semaphore:
    """A counter decremented by acquire() and incremented by release()."""

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._cond = Condition(Lock())
        self._value = value

    def __repr__(self):
        cls = self.__class__
        return "<%s.%s at %#x: value=%s>" % (cls.__module__, cls.__qualname__,
                                             id(self), self._value)

    def acquire(self, blocking=True, timeout=None):
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")
        rc = False
        endtime = None
        with self._cond:
            while self._value == 0:
                if not blocking:
                    break
                if timeout is not None:
                    if endtime is None:
                        endtime = _time() + timeout
                    else:
                        timeout = endtime - _time()
                        if timeout <= 0:
                            break
                self._cond.wait(timeout)
            else:
                self._value -= 1
                rc = True
        return rc

    __enter__ = acquire

    def release(self, n=1):
        if n < 1:
            raise ValueError('n must be one or more')
        with self._cond:
            self._value += n
            self._cond.notify(n)

    def __exit__(self, t, v, tb):
        self.release()


class BoundedSemaphore(Semaphore):
    """A Semaphore whose value may never exceed its initial value."""

    def __init__(self, value=1):
        Semaphore.__init__(self, value)
        self._initial_value = value

    def __repr__(self):
        cls = self.__class__
        return "<%s.%s at %#x: value=%s/%s>" % (cls.__module__, cls.__qualname__, id(self),
                                                self._value, self._initial_value)

    def release(self, n=1):
        if n < 1:
            raise ValueError('n must be one or more')
        with self._cond:
            if self._value + n > self._initial_value:
                raise ValueError("Semaphore released too many times")
            self._value += n
            self._cond.notify(n)


# --- Event ----------------------------------------------------------------------

class Event:
    """A flag that threads can wait for until another thread sets it."""

    def __init__(self):
        self._cond = Condition(Lock())
        self._flag = False

    def __repr__(self):
        cls = self.__class__
        status = 'set' if self._flag else 'unset'
        return "<%s.%s at %#x: %s>" % (cls.__module__, cls.__qualname__, id(self), status)

    def is_set(self):
        return self._flag

    def isSet(self):
        _warn_deprecated('isSet() is deprecated, use is_set() instead')
        return self.is_set()

    def set(self):
        with self._cond:
            self._flag = True
            self._cond.notify_all()

    def clear(self):
        with self._cond:
            self._flag = False

    def wait(self, timeout=None):
        with self._cond:
            signaled = self._flag
            if not signaled:
                signaled = self._cond.wait(timeout)
            return signaled


# --- Barrier --------------------------------------------------------------------

class BrokenBarrierError(RuntimeError):
    pass


# Barrier._state values.
_BARRIER_FILLING = 0
_BARRIER_DRAINING = 1
_BARRIER_RESETTING = -1
_BARRIER_BROKEN = -2


class Barrier:
    """Make `parties` threads wait until all of them have called wait().

    The barrier fills (threads arrive), then drains (they leave) before it
    can fill again; reset() and abort() move it to resetting / broken.
    """

    def __init__(self, parties, action=None, timeout=None):
        self._cond = Condition(Lock())
        self._action = action
        self._timeout = timeout
        self._parties = parties
        self._state = _BARRIER_FILLING
        self._count = 0

    def __repr__(self):
        cls = self.__class__
        if self.broken:
            return "<%s.%s at %#x: broken>" % (cls.__module__, cls.__qualname__, id(self))
        return "<%s.%s at %#x: waiters=%d/%d>" % (cls.__module__, cls.__qualname__, id(self),
                                                  self.n_waiting, self.parties)

    def wait(self, timeout=None):
        if timeout is None:
            timeout = self._timeout
        with self._cond:
            self._enter()
            index = self._count
            self._count += 1
            try:
                if index + 1 == self._parties:
                    self._release()
                else:
                    self._wait(timeout)
                return index
            finally:
                self._count -= 1
                self._exit()

    def _enter(self):
        # Wait for a previous round to drain or a reset to finish.
        while self._state in (_BARRIER_RESETTING, _BARRIER_DRAINING):
            self._cond.wait()
        if self._state < 0:
            raise BrokenBarrierError
        assert self._state == _BARRIER_FILLING

    def _release(self):
        # Last thread in: run the action, then let everybody go.
        try:
            if self._action:
                self._action()
            self._state = _BARRIER_DRAINING
            self._cond.notify_all()
        except:
            self._break()
            raise

    def _wait(self, timeout):
        if not self._cond.wait_for(lambda: self._state != _BARRIER_FILLING, timeout):
            self._break()
            raise BrokenBarrierError
        if self._state < 0:
            raise BrokenBarrierError
        assert self._state == _BARRIER_DRAINING

    def _exit(self):
        # Last thread out re-opens the barrier for the next round.
        if self._count == 0:
            if self._state in (_BARRIER_RESETTING, _BARRIER_DRAINING):
                self._state = _BARRIER_FILLING
                self._cond.notify_all()

    def reset(self):
        with self._cond:
            if self._count > 0:
                if self._state in (_BARRIER_FILLING, _BARRIER_BROKEN):
                    self._state = _BARRIER_RESETTING
            else:
                self._state = _BARRIER_FILLING
            self._cond.notify_all()

    def abort(self):
        with self._cond:
            self._break()

    def _break(self):
        self._state = _BARRIER_BROKEN
        self._cond.notify_all()

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        if self._state == _BARRIER_FILLING:
            return self._count
        return 0

    @property
    def broken(self):
        return self._state == _BARRIER_BROKEN


# --- Thread registry ------------------------------------------------------------

class _Counter:
    """Thread-safe 1, 2, 3, ... (itertools.count is not available)."""

    def __init__(self):
        self._lock = _allocate_lock()
        self._value = 0

    def next(self):
        with self._lock:
            self._value += 1
            return self._value


_counter = _Counter()


def _newname(name_template):
    return name_template % _counter.next()


# _active maps thread ids to running Thread objects; _limbo holds threads
# between start() and the moment their bootstrap registers them.
_active_limbo_lock = RLock()
# Every Thread object still alive (test.support's threading_helper counts them).
_dangling = WeakSet()
_active = {}
_limbo = {}

# Locks of the running non-daemon threads, for _shutdown().
_shutdown_locks_lock = _allocate_lock()
_shutdown_locks = set()


def _make_invoke_excepthook():
    """Return the function a thread calls when its run() raised.

    Module globals may already be gone when a thread fails during interpreter
    shutdown, so the fallbacks are bound now.
    """
    old_excepthook = excepthook
    old_sys_excepthook = _sys.excepthook
    if old_excepthook is None:
        raise RuntimeError("threading.excepthook is None")
    if old_sys_excepthook is None:
        raise RuntimeError("sys.excepthook is None")
    sys_exc_info = _sys.exc_info
    local_print = print
    local_sys = _sys

    def invoke_excepthook(thread):
        global excepthook
        try:
            hook = excepthook
            if hook is None:
                hook = old_excepthook
            args = ExceptHookArgs([*sys_exc_info(), thread])
            hook(args)
        except Exception as exc:
            exc.__suppress_context__ = True
            del exc
            if local_sys is not None and local_sys.stderr is not None:
                stderr = local_sys.stderr
            else:
                stderr = thread._stderr
            local_print("Exception in threading.excepthook:", file=stderr, flush=True)
            if local_sys is not None and local_sys.excepthook is not None:
                sys_excepthook = local_sys.excepthook
            else:
                sys_excepthook = old_sys_excepthook
            sys_excepthook(*sys_exc_info())
        finally:
            # Break the reference cycle exception -> frame -> args.
            args = None

    return invoke_excepthook


# --- Thread ---------------------------------------------------------------------

class Thread:
    """A thread of control: pass a callable as target, or override run()."""

    _initialized = False

    def __init__(self, group=None, target=None, name=None,
                 args=(), kwargs=None, *, daemon=None):
        assert group is None, "group argument must be None for now"
        if kwargs is None:
            kwargs = {}
        if name:
            name = str(name)
        else:
            name = _newname("Thread-%d")
            if target is not None:
                try:
                    target_name = target.__name__
                    name += " (%s)" % target_name
                except AttributeError:
                    pass
        self._target = target
        self._name = name
        self._args = args
        self._kwargs = kwargs
        if daemon is not None:
            self._daemonic = daemon
        else:
            self._daemonic = current_thread().daemon
        self._ident = None
        self._native_id = None
        # Held by the running thread; released when it finishes (join waits on it).
        self._tstate_lock = None
        self._started = Event()
        self._is_stopped = False
        self._initialized = True
        self._stderr = _sys.stderr
        self._invoke_excepthook = _make_invoke_excepthook()
        # For debugging and _after_fork(), as CPython's: every Thread made.
        _dangling.add(self)

    def __repr__(self):
        assert self._initialized, "Thread.__init__() was not called"
        status = "initial"
        if self._started.is_set():
            status = "started"
        self.is_alive()  # updates _is_stopped
        if self._is_stopped:
            status = "stopped"
        if self._daemonic:
            status += " daemon"
        if self._ident is not None:
            status += " %s" % self._ident
        return "<%s(%s, %s)>" % (self.__class__.__name__, self._name, status)

    def start(self):
        if not self._initialized:
            raise RuntimeError("thread.__init__() not called")
        if self._started.is_set():
            raise RuntimeError("threads can only be started once")
        with _active_limbo_lock:
            _limbo[self] = self
        try:
            _start_new_thread(self._bootstrap, ())
        except Exception:
            with _active_limbo_lock:
                del _limbo[self]
            raise
        self._started.wait()

    def run(self):
        try:
            if self._target is not None:
                self._target(*self._args, **self._kwargs)
        finally:
            # Avoid a cycle when the target's arguments refer to the thread.
            del self._target, self._args, self._kwargs

    def _bootstrap(self):
        try:
            self._bootstrap_inner()
        except:
            # Daemon threads may see the module torn down at exit.
            if self._daemonic and _sys is None:
                return
            raise

    def _set_ident(self):
        self._ident = get_ident()

    def _set_native_id(self):
        self._native_id = get_native_id()

    def _set_tstate_lock(self):
        """Take the lock that join() waits on.

        _thread releases it once this OS thread is done with Python (its
        thread-local data gone), so join() returns only after that.
        """
        self._tstate_lock = _set_sentinel()
        self._tstate_lock.acquire()
        if not self.daemon:
            with _shutdown_locks_lock:
                _maintain_shutdown_locks()
                _shutdown_locks.add(self._tstate_lock)

    def _bootstrap_inner(self):
        try:
            self._set_ident()
            self._set_tstate_lock()
            self._set_native_id()
            self._started.set()
            with _active_limbo_lock:
                _active[self._ident] = self
                del _limbo[self]
            try:
                self.run()
            except:
                self._invoke_excepthook(self)
        finally:
            self._delete()

    def _stop(self):
        lock = self._tstate_lock
        if lock is not None:
            assert not lock.locked()
        self._is_stopped = True
        self._tstate_lock = None
        if not self.daemon:
            with _shutdown_locks_lock:
                _maintain_shutdown_locks()

    def _delete(self):
        with _active_limbo_lock:
            del _active[get_ident()]

    def join(self, timeout=None):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if not self._started.is_set():
            raise RuntimeError("cannot join thread before it is started")
        if self is current_thread():
            raise RuntimeError("cannot join current thread")
        if timeout is None:
            self._wait_for_tstate_lock()
        else:
            self._wait_for_tstate_lock(timeout=max(timeout, 0))

    def _wait_for_tstate_lock(self, block=True, timeout=-1):
        lock = self._tstate_lock
        if lock is None:
            return  # already stopped
        try:
            if lock.acquire(block, timeout):
                lock.release()
                self._stop()
        except:
            if lock.locked():
                # As CPython (bpo-45274): a signal handler (Ctrl-C's
                # KeyboardInterrupt) raised right after acquire() succeeded.
                lock.release()
                self._stop()
            raise

    @property
    def name(self):
        assert self._initialized, "Thread.__init__() not called"
        return self._name

    @name.setter
    def name(self, name):
        assert self._initialized, "Thread.__init__() not called"
        self._name = str(name)

    @property
    def ident(self):
        assert self._initialized, "Thread.__init__() not called"
        return self._ident

    @property
    def native_id(self):
        assert self._initialized, "Thread.__init__() not called"
        return self._native_id

    def is_alive(self):
        assert self._initialized, "Thread.__init__() not called"
        if self._is_stopped or not self._started.is_set():
            return False
        self._wait_for_tstate_lock(False)
        return not self._is_stopped

    @property
    def daemon(self):
        assert self._initialized, "Thread.__init__() not called"
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if self._started.is_set():
            raise RuntimeError("cannot set daemon status of active thread")
        self._daemonic = daemonic

    def isDaemon(self):
        _warn_deprecated('isDaemon() is deprecated, get the daemon attribute instead')
        return self.daemon

    def setDaemon(self, daemonic):
        _warn_deprecated('setDaemon() is deprecated, set the daemon attribute instead')
        self.daemon = daemonic

    def getName(self):
        _warn_deprecated('getName() is deprecated, get the name attribute instead')
        return self.name

    def setName(self, name):
        _warn_deprecated('setName() is deprecated, set the name attribute instead')
        self.name = name


def _maintain_shutdown_locks():
    """Drop released locks from _shutdown_locks; caller holds _shutdown_locks_lock."""
    to_remove = [lock for lock in _shutdown_locks if not lock.locked()]
    _shutdown_locks.difference_update(to_remove)


class Timer(Thread):
    """Call a function after `interval` seconds unless cancel() comes first."""

    def __init__(self, interval, function, args=None, kwargs=None):
        Thread.__init__(self)
        self.interval = interval
        self.function = function
        self.args = args if args is not None else []
        self.kwargs = kwargs if kwargs is not None else {}
        self.finished = Event()

    def cancel(self):
        """Stop the timer if it hasn't finished yet."""
        self.finished.set()

    def run(self):
        self.finished.wait(self.interval)
        if not self.finished.is_set():
            self.function(*self.args, **self.kwargs)
        self.finished.set()


class _MainThread(Thread):
    """The thread that imported this module."""

    def __init__(self):
        Thread.__init__(self, name="MainThread", daemon=False)
        # Locked until _shutdown(): joining the main thread waits for exit.
        self._tstate_lock = _allocate_lock()
        self._tstate_lock.acquire()
        self._started.set()
        self._set_ident()
        self._set_native_id()
        with _active_limbo_lock:
            _active[self._ident] = self


class _DummyThread(Thread):
    """Stands for a thread not started by this module (e.g. _thread's own)."""

    def __init__(self):
        Thread.__init__(self, name=_newname("Dummy-%d"), daemon=True)
        self._started.set()
        self._set_ident()
        self._set_native_id()
        with _active_limbo_lock:
            _active[self._ident] = self

    def _stop(self):
        pass

    def is_alive(self):
        assert not self._is_stopped and self._started.is_set()
        return True

    def join(self, timeout=None):
        assert False, "cannot join a dummy thread"


# --- Module-level API -------------------------------------------------------------

def current_thread():
    """Return the Thread object of the caller (a dummy one for foreign threads)."""
    try:
        return _active[get_ident()]
    except KeyError:
        return _DummyThread()


def currentThread():
    _warn_deprecated('currentThread() is deprecated, use current_thread() instead')
    return current_thread()


def active_count():
    """Number of Thread objects currently alive."""
    with _active_limbo_lock:
        return len(_active) + len(_limbo)


def activeCount():
    _warn_deprecated('activeCount() is deprecated, use active_count() instead')
    return active_count()


def _enumerate():
    # Same as enumerate(), without the lock (for debugging code).
    return list(_active.values()) + list(_limbo.values())


def enumerate():
    """List of all Thread objects currently alive."""
    with _active_limbo_lock:
        return list(_active.values()) + list(_limbo.values())


def main_thread():
    """Return the main Thread object."""
    return _main_thread


_threading_atexits = []
_SHUTTING_DOWN = False


def _register_atexit(func, *arg, **kwargs):
    """Call func(*arg, **kwargs) in _shutdown(), before non-daemon threads are joined.

    Callbacks run in reverse order of registration.
    """
    if _SHUTTING_DOWN:
        raise RuntimeError("can't register atexit after shutdown")

    def call():
        func(*arg, **kwargs)
    _threading_atexits.append(call)


def _shutdown():
    """Wait for every non-daemon thread; the interpreter calls this at exit."""
    if _main_thread._is_stopped:
        return  # already done
    global _SHUTTING_DOWN
    _SHUTTING_DOWN = True
    for atexit_call in reversed(_threading_atexits):
        atexit_call()
    if _main_thread.ident == get_ident():
        # Let threads that join the main thread go on.
        tlock = _main_thread._tstate_lock
        tlock.release()
        # Not _stop(): its check that the lock is free would race with a
        # thread in join() that takes the lock for a moment and then marks
        # the main thread stopped itself.  The main thread is not in
        # _shutdown_locks, so this is all of _stop() that applies.
        _main_thread._is_stopped = True
        _main_thread._tstate_lock = None
    # Threads may start new threads while we wait: loop until none is left.
    while True:
        with _shutdown_locks_lock:
            locks = list(_shutdown_locks)
            _shutdown_locks.clear()
        if not locks:
            break
        for lock in locks:
            lock.acquire()
            lock.release()


_main_thread = _MainThread()
