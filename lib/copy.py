"""Generic (shallow and deep) copying operations (Tandem's own copy module).

copy(x) and deepcopy(x[, memo]).  A class controls its copies with
__copy__() and __deepcopy__(memo), or through the pickle protocol
(__reduce_ex__ / __reduce__, __getstate__ / __setstate__).  Objects without
any of these are copied like CPython's object.__reduce_ex__(4) does:
a new instance made by cls.__new__(cls) receiving the (copied) state of
__getstate__() — the instance __dict__ and slot values.
"""

__all__ = ["Error", "copy", "deepcopy"]


class Error(Exception):
    pass


error = Error   # backward compatibility


def _func():
    pass


# Immutable objects: a copy is the object itself (also for deepcopy).
_ATOMIC = frozenset({
    type(None), int, float, bool, complex, str, bytes, type, range, slice,
    property, type(Ellipsis), type(NotImplemented), type(_func), type(len),
    type(_func.__code__),
})
# Shallow copies of the mutable builtin containers.
_SHALLOW = {list: list.copy, dict: dict.copy, set: set.copy, bytearray: bytearray.copy}


def _reduce(x):
    """x's reduce value (the pickle protocol, CPython order), or None."""
    cls = type(x)
    reductor = getattr(cls, "__reduce_ex__", None)
    if reductor is not None:
        rv = reductor(x, 4)
        if rv is not NotImplemented:
            return rv
    reductor = getattr(cls, "__reduce__", None)
    if reductor is not None:
        return reductor(x)
    return _default_reduce(x)


def _default_reduce(x):
    """object.__reduce_ex__(4) for an ordinary instance: rebuild with
    cls.__new__(cls) and the state of __getstate__()."""
    cls = type(x)
    new = getattr(cls, "__new__", None)
    if new is None or not isinstance(cls, type):
        return None
    getstate = getattr(cls, "__getstate__", None)
    if getstate is not None and getstate is not getattr(object, "__getstate__", None):
        state = x.__getstate__()
    else:
        state = _object_state(x)
    # Subclasses of list and dict carry their items separately.
    listiter = iter(x) if isinstance(x, list) else None
    dictiter = iter(x.items()) if isinstance(x, dict) else None
    return (_reconstruct_new, (cls,), state, listiter, dictiter)


def _slot_names(cls):
    """Names of the __slots__ of cls and its bases (private names mangled)."""
    names = []
    for klass in cls.__mro__:
        slots = klass.__dict__.get("__slots__", ())
        if isinstance(slots, str):
            slots = (slots,)
        for name in slots:
            if name in ("__dict__", "__weakref__"):
                continue
            if name.startswith("__") and not name.endswith("__"):
                name = "_%s%s" % (klass.__name__.lstrip("_"), name)
            names.append(name)
    return names


def _object_state(x):
    """What object.__getstate__() returns: the instance __dict__ (None if
    empty), paired with a dict of the set slots when the class has slots."""
    state = getattr(x, "__dict__", None) or None
    slots = {}
    for name in _slot_names(type(x)):
        try:
            slots[name] = getattr(x, name)
        except AttributeError:
            pass
    return (state, slots) if slots else state


def _reconstruct_new(cls):
    return cls.__new__(cls)


def copy(x):
    """Shallow copy operation on arbitrary Python objects.

    See the module's __doc__ string for more info."""
    cls = type(x)
    if cls in _ATOMIC or cls is tuple or cls is frozenset or issubclass(cls, type):
        return x
    copier = _SHALLOW.get(cls)
    if copier is not None:
        return copier(x)
    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)
    rv = _reduce(x)
    if isinstance(rv, str):
        return x
    if not rv:
        raise Error("un(shallow)copyable object of type %s" % cls)
    return _reconstruct(x, None, *rv)


def deepcopy(x, memo=None, _nil=[]):
    """Deep copy operation on arbitrary Python objects.

    See the module's __doc__ string for more info."""
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if cls in _ATOMIC or issubclass(cls, type):
        y = x
    elif cls in _DEEP:
        y = _DEEP[cls](x, memo)
    else:
        copier = getattr(x, "__deepcopy__", None)
        if copier is not None:
            y = copier(memo)
        else:
            rv = _reduce(x)
            if isinstance(rv, str):
                y = x
            elif not rv:
                raise Error("un(deep)copyable object of type %s" % cls)
            else:
                y = _reconstruct(x, memo, *rv)
    # The copy of an object is itself: do not remember it (nor keep x alive).
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _deepcopy_list(x, memo):
    y = []
    memo[id(x)] = y
    for a in x:
        y.append(deepcopy(a, memo))
    return y


def _deepcopy_tuple(x, memo):
    y = [deepcopy(a, memo) for a in x]
    # A tuple containing itself is already in memo after copying the items.
    try:
        return memo[id(x)]
    except KeyError:
        pass
    for k, j in zip(x, y):
        if k is not j:
            return tuple(y)
    return x


def _deepcopy_dict(x, memo):
    y = {}
    memo[id(x)] = y
    for key, value in x.items():
        y[deepcopy(key, memo)] = deepcopy(value, memo)
    return y


def _deepcopy_set(x, memo):
    y = set()
    memo[id(x)] = y
    for a in x:
        y.add(deepcopy(a, memo))
    return y


def _deepcopy_frozenset(x, memo):
    return frozenset([deepcopy(a, memo) for a in x])


def _deepcopy_bytearray(x, memo):
    return bytearray(x)


def _deepcopy_method(x, memo):
    return type(x)(x.__func__, deepcopy(x.__self__, memo))


class _C:
    def _m(self):
        pass


_DEEP = {list: _deepcopy_list, tuple: _deepcopy_tuple, dict: _deepcopy_dict,
         set: _deepcopy_set, frozenset: _deepcopy_frozenset, bytearray: _deepcopy_bytearray,
         type(_C()._m): _deepcopy_method}
del _C


def _keep_alive(x, memo):
    """Keep x alive while memo lives: the ids used as memo keys must not be
    reused by new objects during the copy."""
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


def _reconstruct(x, memo, func, args,
                 state=None, listiter=None, dictiter=None):
    deep = memo is not None
    if deep and args:
        args = deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y
    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(y, '__setstate__'):
            y.__setstate__(state)
        else:
            slotstate = None
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            if state:
                y.__dict__.update(state)
            if slotstate:
                for key, value in slotstate.items():
                    setattr(y, key, value)
    if listiter is not None:
        for item in listiter:
            y.append(deepcopy(item, memo) if deep else item)
    if dictiter is not None:
        for key, value in dictiter:
            if deep:
                key = deepcopy(key, memo)
                value = deepcopy(value, memo)
            y[key] = value
    return y
