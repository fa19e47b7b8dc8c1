from abc import ABC, abstractmethod
class Base(ABC):
    @property
    @abstractmethod
    def size(self): ...
    @classmethod
    @abstractmethod
    def make(cls): ...
    @staticmethod
    @abstractmethod
    def util(): ...
print(sorted(Base.__abstractmethods__))
try: Base()
except TypeError as e: print("TypeError", e)
class Impl(Base):
    @property
    def size(self): return 3
    @classmethod
    def make(cls): return cls()
    @staticmethod
    def util(): return "u"
print(Impl().size, type(Impl.make()).__name__, Impl.util(), Impl.__abstractmethods__)
p = property(lambda s: 1)
print(p.__isabstractmethod__, staticmethod(len).__isabstractmethod__, classmethod(len).__isabstractmethod__)
class Partial(Base):
    @property
    def size(self): return 1
try: Partial()
except TypeError as e: print("TypeError", e)
print(isinstance(Impl(), Base), issubclass(Impl, Base))
