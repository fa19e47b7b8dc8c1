# a package whose submodule imports a module that does not exist
from . import sub_bad
