"""tools/testnorm.py -- the one normalisation of a script test's stderr.

Shared by regen_exp.py (which writes CPython's stderr into FILE.err) and
run_py_test.py (which compares Tandem's stderr with it), so both sides are
normalised the same way:

  * the script's directory is written as {dir};
  * a traceback frame in a library file (any absolute path outside the
    script's directory: CPython's standard library, Tandem's lib/) becomes
    `File "{lib}/NAME.py", line ?, in FUNC`, because the library's location
    and line numbers differ between CPython and Tandem while the frames'
    order, names and source lines must not;
  * object addresses in reprs (` at 0x7f...>`) become ` at 0x?>`: an
    "Exception ignored in: <function C.__del__ at 0x...>" line is compared
    by everything but the address;
  * AddressSanitizer's "failed to allocate 0x... bytes" warnings are
    dropped: the ASan presets run with allocator_may_return_null=1, so a
    request too large for any machine returns NULL as glibc's malloc does
    (and Tandem raises MemoryError), and ASan says so on stderr.
"""
import os
import re

_ADDR_RE = re.compile(r' at 0x[0-9a-fA-F]+>')
_ASAN_ALLOC_RE = re.compile(r'^==\d+==WARNING: AddressSanitizer failed to allocate 0x[0-9a-f]+ bytes\n', re.M)
_LIB_FRAME_RE = re.compile(r'^(\s*File ")(/[^"]*/)([^"/]+)(", line )(\d+)(.*)$', re.M)


def normalise_stderr_text(text, script_dir):
    """Return stderr text (str) normalised for comparison; see the module doc."""
    text = _ASAN_ALLOC_RE.sub('', text)
    text = text.replace(script_dir + os.sep, "{dir}" + os.sep)
    text = _ADDR_RE.sub(' at 0x?>', text)
    return _LIB_FRAME_RE.sub(lambda m: m.group(1) + "{lib}/" + m.group(3) + m.group(4) + "?" + m.group(6),
                             text)
