"""Abstract Base Classes (PEP 3119), Tandem's own abc module.

ABCMeta computes a class's __abstractmethods__ (the names of its methods
still marked with @abstractmethod); object.__new__ refuses to instantiate a
class whose __abstractmethods__ is not empty.  ABCMeta.register() adds
virtual subclasses, consulted by isinstance() and issubclass() through
__instancecheck__ / __subclasscheck__, together with __subclasshook__.

Differences from CPython: registered classes and the caches hold strong
references (there is no weakref module yet).
"""

def abstractmethod(funcobj):
    """A decorator indicating abstract methods.

    A class whose metaclass is ABCMeta cannot be instantiated unless all of
    its abstract methods are overridden."""
    funcobj.__isabstractmethod__ = True
    return funcobj


class abstractclassmethod(classmethod):
    """Deprecated: use 'classmethod' with 'abstractmethod' instead."""
    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractstaticmethod(staticmethod):
    """Deprecated: use 'staticmethod' with 'abstractmethod' instead."""
    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractproperty(property):
    """Deprecated: use 'property' with 'abstractmethod' instead."""
    __isabstractmethod__ = True


# Bumped by every register(): negative cache entries older than it are stale.
_invalidation_counter = [0]


def get_cache_token():
    """Returns the current ABC cache token.

    The token changes with every call to register() on any ABC."""
    return _invalidation_counter[0]


class _AbcState:
    """Per-class bookkeeping of an ABC."""
    __slots__ = ("registry", "cache", "negative_cache", "negative_version", "subclasses")

    def __init__(self):
        self.registry = set()          # classes passed to register()
        self.cache = set()             # known subclasses
        self.negative_cache = set()    # known non-subclasses ...
        self.negative_version = _invalidation_counter[0]   # ... as of this token
        self.subclasses = []           # ABCs created with this class as a direct base


def _is_abstract(value):
    return getattr(value, "__isabstractmethod__", False)


def _compute_abstracts(cls, namespace_items, bases):
    abstracts = {name for name, value in namespace_items if _is_abstract(value)}
    for base in bases:
        for name in getattr(base, "__abstractmethods__", ()):
            if _is_abstract(getattr(cls, name, None)):
                abstracts.add(name)
    return frozenset(abstracts)


class ABCMeta(type):
    """Metaclass for defining Abstract Base Classes (ABCs)."""

    def __new__(mcls, name, bases, namespace, /, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        cls.__abstractmethods__ = _compute_abstracts(cls, namespace.items(), bases)
        cls._abc_impl = _AbcState()
        for base in bases:
            state = base.__dict__.get("_abc_impl") if isinstance(base, ABCMeta) else None
            if state is not None:
                state.subclasses.append(cls)
        return cls

    def register(cls, subclass):
        """Register a virtual subclass of an ABC.

        Returns the subclass, to allow usage as a class decorator."""
        if not isinstance(subclass, type):
            raise TypeError("Can only register classes")
        if issubclass(subclass, cls):
            return subclass  # Already a subclass
        # Subtle: test for cycles *after* testing for "already a subclass";
        # this means we allow X.register(X) and interpret it as a no-op.
        if issubclass(cls, subclass):
            raise RuntimeError("Refusing to create an inheritance cycle")
        cls._abc_impl.registry.add(subclass)
        _invalidation_counter[0] += 1
        return subclass

    def __instancecheck__(cls, instance):
        """Override for isinstance(instance, cls)."""
        subclass = instance.__class__
        state = cls._abc_impl
        if subclass in state.cache:
            return True
        subtype = type(instance)
        if subtype is subclass:
            if (state.negative_version == _invalidation_counter[0]
                    and subclass in state.negative_cache):
                return False
            return cls.__subclasscheck__(subclass)
        return any(cls.__subclasscheck__(c) for c in (subclass, subtype))

    def __subclasscheck__(cls, subclass):
        """Override for issubclass(subclass, cls)."""
        if not isinstance(subclass, type):
            raise TypeError('issubclass() arg 1 must be a class')
        state = cls._abc_impl
        if subclass in state.cache:
            return True
        if state.negative_version < _invalidation_counter[0]:
            state.negative_cache = set()
            state.negative_version = _invalidation_counter[0]
        elif subclass in state.negative_cache:
            return False
        # object.__subclasshook__ (always NotImplemented) may be missing.
        hook = getattr(cls, "__subclasshook__", None)
        answer = NotImplemented if hook is None else hook(subclass)
        if answer is not NotImplemented:
            if not isinstance(answer, bool):
                raise AssertionError("__subclasshook__ must return either False, True, or NotImplemented")
            (state.cache if answer else state.negative_cache).add(subclass)
            return answer
        found = (cls in subclass.__mro__
                 or any(issubclass(subclass, r) for r in state.registry)
                 or any(issubclass(subclass, s) for s in state.subclasses))
        (state.cache if found else state.negative_cache).add(subclass)
        return found

    def _dump_registry(cls, file=None):
        """Debug helper to print the ABC registry."""
        print(f"Class: {cls.__module__}.{cls.__qualname__}", file=file)
        print(f"Inv. counter: {get_cache_token()}", file=file)
        state = cls._abc_impl
        for label, value in (("_abc_registry", state.registry), ("_abc_cache", state.cache),
                             ("_abc_negative_cache", state.negative_cache),
                             ("_abc_negative_cache_version", state.negative_version)):
            print(f"{label}: {value!r}", file=file)

    def _abc_registry_clear(cls):
        """Clear the registry (for debugging or testing)."""
        cls._abc_impl.registry.clear()

    def _abc_caches_clear(cls):
        """Clear the caches (for debugging or testing)."""
        cls._abc_impl.cache.clear()
        cls._abc_impl.negative_cache.clear()


def update_abstractmethods(cls):
    """Recalculate the set of abstract methods of an abstract class.

    Needed when abstract methods are implemented after the class was
    created.  Returns cls, to allow usage as a class decorator."""
    if not hasattr(cls, '__abstractmethods__'):
        # Not an ABC (or not ready yet): nothing to update.
        return cls
    abstracts = {name for name, value in cls.__dict__.items() if _is_abstract(value)}
    for base in cls.__bases__:
        for name in getattr(base, '__abstractmethods__', ()):
            if _is_abstract(getattr(cls, name, None)):
                abstracts.add(name)
    cls.__abstractmethods__ = frozenset(abstracts)
    return cls


class ABC(metaclass=ABCMeta):
    """Helper class that provides a standard way to create an ABC using
    inheritance."""
    __slots__ = ()
