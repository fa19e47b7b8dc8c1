# os.path: the pure functions of posixpath.
import os.path
import os
p = os.path
for args in [('a', 'b'), ('a/', 'b'), ('a', '/b'), ('/a', 'b', 'c'), ('a', ''), ('', 'b'), ('', ''), ('a', 'b/', 'c'), ('/',)]:
    print(args, repr(p.join(*args)))
for s in ['/a/b/c', 'a/b', 'abc', '/abc', '/', '//a//b//', 'a/b/', '', '///x']:
    print(repr(s), p.split(s), repr(p.basename(s)), repr(p.dirname(s)), p.isabs(s))
for s in ['x.py', 'a/b.tar.gz', '.bashrc', 'a/.b', 'a.b/c', '...x', 'a/..b.c', 'noext', 'x.', '']:
    print(repr(s), p.splitext(s))
for s in ['', '.', '/', '//', '///', 'a/./b', 'a/../b', '../a', '/../a', 'a/b/../../..', '//a/b/', 'a//b', './', 'a/b/c/../d']:
    print(repr(s), repr(p.normpath(s)))
print(p.expanduser('~') == os.environ.get('HOME', p.expanduser('~')), p.expanduser('x/~'), p.expanduser('~no_such_user_zz/x'))
print(p.abspath('/a/../b'), p.abspath('x') == p.join(os.getcwd(), 'x'), p.realpath('/'), p.exists('.'), p.exists('no_such'))
try:
    p.join('a', 5)
except TypeError as e:
    print(type(e).__name__, e)

class P:
    def __fspath__(self):
        return 'from/fspath'
print(p.basename(P()), os.fspath(P()))
