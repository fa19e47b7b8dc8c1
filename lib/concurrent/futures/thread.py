"""ThreadPoolExecutor (CPython 3.11 API), Tandem's own implementation.

Workers are non-daemon threads that take _WorkItems from a SimpleQueue; a
None item tells a worker to check whether it should exit (and to pass the
None on to the next worker).  Without weakref, a worker keeps its executor
alive: an executor that is never shut down keeps its threads until
interpreter exit, where _python_exit() (run by threading._shutdown()) stops
them.
"""

import os
import queue
import threading

from concurrent.futures import _base

# Set by _python_exit(): no new work may be submitted after that.
_shutdown = False
# Guards _shutdown and _threads_queues against submit() racing with exit.
_global_shutdown_lock = threading.Lock()
# Every live worker thread and the queue it reads.
_threads_queues = {}


def _python_exit():
    """Wake every worker and wait for it (threading._shutdown() calls this)."""
    global _shutdown
    with _global_shutdown_lock:
        _shutdown = True
        items = list(_threads_queues.items())
    for t, q in items:
        q.put(None)
    for t, q in items:
        t.join()


threading._register_atexit(_python_exit)


class _WorkItem(object):
    """One submitted call and the Future that will hold its outcome."""

    def __init__(self, future, fn, args, kwargs):
        self.future = future
        self.fn = fn
        self.args = args
        self.kwargs = kwargs

    def run(self):
        if not self.future.set_running_or_notify_cancel():
            return  # cancelled while queued
        try:
            result = self.fn(*self.args, **self.kwargs)
        except BaseException as exc:
            self.future.set_exception(exc)
            # The traceback refers to this frame: drop self to avoid a cycle.
            self = None
        else:
            self.future.set_result(result)


def _worker(executor, work_queue, initializer, initargs):
    if initializer is not None:
        try:
            initializer(*initargs)
        except BaseException:
            _base._log('critical', 'Exception in initializer:', exc_info=True)
            executor._initializer_failed()
            return
    try:
        while True:
            work_item = work_queue.get(block=True)
            if work_item is not None:
                work_item.run()
                del work_item
                executor._idle_semaphore.release()
                continue
            # A None: leave when the executor or the interpreter shuts down,
            # and hand the None on so that the other workers see it too.
            if _shutdown or executor._shutdown:
                executor._shutdown = True
                work_queue.put(None)
                return
    finally:
        with _global_shutdown_lock:
            _threads_queues.pop(threading.current_thread(), None)


class BrokenThreadPool(_base.BrokenExecutor):
    """Raised when a worker thread in a ThreadPoolExecutor failed initializing."""


class ThreadPoolExecutor(_base.Executor):
    """Run submitted calls in a pool of at most max_workers threads."""

    # Numbers the executors whose threads get default names.
    _counter_lock = threading.Lock()
    _counter_value = 0

    @classmethod
    def _counter(cls):
        with cls._counter_lock:
            value = ThreadPoolExecutor._counter_value
            ThreadPoolExecutor._counter_value = value + 1
        return value

    def __init__(self, max_workers=None, thread_name_prefix='',
                 initializer=None, initargs=()):
        """max_workers defaults to min(32, os.cpu_count() + 4).

        Threads are named "<thread_name_prefix>_<n>"; initializer(*initargs)
        runs at the start of each worker thread.
        """
        if max_workers is None:
            # I/O-bound work is the main use: allow more threads than CPUs,
            # capped so that big machines do not start hundreds of threads.
            max_workers = min(32, (os.cpu_count() or 1) + 4)
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")

        self._max_workers = max_workers
        self._work_queue = queue.SimpleQueue()
        # One unit per worker waiting for work: submit() starts a new thread
        # only when no worker is idle.
        self._idle_semaphore = threading.Semaphore(0)
        self._threads = set()
        self._broken = False
        self._shutdown = False
        self._shutdown_lock = threading.Lock()
        self._thread_name_prefix = (thread_name_prefix or
                                    ("ThreadPoolExecutor-%d" % self._counter()))
        self._initializer = initializer
        self._initargs = initargs

    def submit(self, fn, /, *args, **kwargs):
        with self._shutdown_lock, _global_shutdown_lock:
            if self._broken:
                raise BrokenThreadPool(self._broken)
            if self._shutdown:
                raise RuntimeError('cannot schedule new futures after shutdown')
            if _shutdown:
                raise RuntimeError('cannot schedule new futures after '
                                   'interpreter shutdown')
            f = _base.Future()
            w = _WorkItem(f, fn, args, kwargs)
            self._work_queue.put(w)
            self._adjust_thread_count()
            return f
    submit.__doc__ = _base.Executor.submit.__doc__

    def _adjust_thread_count(self):
        """Start a worker unless one is idle or the pool is full (locks held)."""
        if self._idle_semaphore.acquire(timeout=0):
            return
        num_threads = len(self._threads)
        if num_threads < self._max_workers:
            thread_name = '%s_%d' % (self._thread_name_prefix or self, num_threads)
            t = threading.Thread(name=thread_name, target=_worker,
                                 args=(self, self._work_queue,
                                       self._initializer, self._initargs))
            t.start()
            self._threads.add(t)
            _threads_queues[t] = self._work_queue

    def _take_queued_work_lock_held(self):
        """Empty the work queue; return its _WorkItems (caller holds _shutdown_lock)."""
        items = []
        while True:
            try:
                work_item = self._work_queue.get_nowait()
            except queue.Empty:
                return items
            if work_item is not None:
                items.append(work_item)

    def _initializer_failed(self):
        """A worker's initializer raised: fail every queued call."""
        with self._shutdown_lock:
            self._broken = ('A thread initializer failed, the thread pool '
                            'is not usable anymore')
            for work_item in self._take_queued_work_lock_held():
                work_item.future.set_exception(BrokenThreadPool(self._broken))

    def shutdown(self, wait=True, *, cancel_futures=False):
        with self._shutdown_lock:
            self._shutdown = True
            if cancel_futures:
                # Cancel every call that has not started yet.
                for work_item in self._take_queued_work_lock_held():
                    work_item.future.cancel()
            # Wake one worker; it passes the None on to the others.
            self._work_queue.put(None)
        if wait:
            for t in self._threads:
                t.join()
    shutdown.__doc__ = _base.Executor.shutdown.__doc__
