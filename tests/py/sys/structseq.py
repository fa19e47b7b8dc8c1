# sys.version_info, flags, float_info, int_info, hash_info: struct sequences
# (tuple subclasses with named fields).
import sys

vi = sys.version_info
print(vi[:2], vi.major, vi.minor, vi.releaselevel, vi.serial)
print(vi >= (3, 8), vi < (4,), vi > (3, 11, 0, 'alpha'), vi[:2] == (3, 11))
print(type(vi).__name__, len(vi), isinstance(vi, tuple), vi[0] == vi.major)
print(vi.major == vi[-5], vi[3] == vi.releaselevel, tuple(vi)[:2])
a, b, *rest = vi
print(a, b, len(rest))
print(hash(vi) == hash(tuple(vi)), vi == tuple(vi), vi.index(3), vi.count('final'))
print(repr(vi).startswith('sys.version_info(major=3, minor=11, micro='))
print(type(vi).n_fields, type(vi).n_sequence_fields, type(vi).n_unnamed_fields)
try:
    type(vi)()
except TypeError as e:
    print(e)
try:
    vi.major = 4
except AttributeError:
    print("AttributeError")
try:
    vi[5]
except IndexError as e:
    print(e)

print(sys.float_info)
print(sys.float_info.max, sys.float_info.min, sys.float_info.epsilon, sys.float_info.dig)
print(sys.float_info.mant_dig, sys.float_info.radix, sys.float_info.rounds, sys.float_info[0])
print(sys.int_info)
print(sys.int_info.bits_per_digit, sys.int_info.default_max_str_digits)
print(type(sys.flags).__name__, len(sys.flags))
print(sys.flags.debug, sys.flags.inspect, sys.flags.optimize, sys.flags.verbose, sys.flags.quiet)
print(sys.flags.dev_mode, sys.flags.utf8_mode, sys.flags.safe_path, sys.flags.int_max_str_digits)
print(repr(sys.flags).startswith('sys.flags(debug=0, inspect=0, interactive=0, optimize=0, '))
hi = sys.hash_info
print(type(hi).__name__, len(hi), hi.width, hi.modulus == 2**61 - 1, hi.inf, hi.nan, hi.imag)
print(hi.hash_bits, hi.cutoff, hash(float('inf')) == hi.inf, hash(1j) == hi.imag)
print(hash(2**61 - 1) == 0, hash(-1) == -2)

impl = sys.implementation
print(type(impl.name).__name__, impl.version == sys.version_info, impl.hexversion == sys.hexversion)
print(type(impl.version).__name__, hasattr(impl, 'cache_tag'))
print(repr(impl).startswith('namespace(name='))
print(sys.maxunicode, sys.platform, type(sys.executable).__name__)
