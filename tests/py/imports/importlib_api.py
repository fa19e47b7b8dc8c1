# CPython's importlib over Tandem's importer: import_module, util.find_spec,
# module specs, a finder on sys.meta_path that serves a module from memory,
# reload, invalidate_caches
import sys
import importlib
import importlib.util
import importlib.abc
import importlib.machinery

m = importlib.import_module("heapq")
print(m.__name__, m.__spec__.name, type(m.__spec__.loader).__name__, m.__spec__.origin == m.__file__)
print(importlib.import_module("json.decoder").__spec__.parent)
print(importlib.util.find_spec("bisect").name, importlib.util.find_spec("no_such_module_zz"))
import textwrap
print(textwrap.__spec__.name, textwrap.__loader__ is textwrap.__spec__.loader)
print(importlib.machinery.BuiltinImporter in sys.meta_path, importlib.machinery.PathFinder in sys.meta_path)
print(importlib.util.find_spec("_thread").origin)


class MemoryLoader(importlib.abc.Loader):
    def create_module(self, spec):
        return None

    def exec_module(self, module):
        module.VALUE = 42
        module.WHERE = "memory"


class MemoryFinder(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name == "virtual_mod":
            return importlib.util.spec_from_loader(name, MemoryLoader())
        return None


sys.meta_path.insert(0, MemoryFinder())
import virtual_mod
print(virtual_mod.VALUE, virtual_mod.WHERE, virtual_mod.__spec__.name, "virtual_mod" in sys.modules)
print(importlib.import_module("virtual_mod") is virtual_mod)
try:
    importlib.import_module("no_such_module_zz")
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e, e.name)
importlib.invalidate_caches()
r = importlib.reload(textwrap)
print(r is textwrap, r.dedent("  x"))
