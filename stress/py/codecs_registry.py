# stress/py/codecs_registry.py -- the codec registry shared by threads.
#
# Threads look up encodings for the first time at once (each lookup may
# import an encodings submodule and fills the shared cache), encode and
# decode through registry codecs and through error handlers that other
# threads keep registering, and register / unregister search functions.
# Every result must be the one a serial run gives: the cache never hands
# out a wrong CodecInfo, a registered handler is always found whole.

from _stress import SCALE, errors, finish, run
import codecs

NAMES = ['cp437', 'cp850', 'cp852', 'cp855', 'cp857', 'cp860', 'cp861', 'cp862', 'cp863', 'cp865',
         'cp866', 'cp869', 'cp1250', 'cp1251', 'cp1253', 'cp1254', 'cp1255', 'cp1256', 'cp1257',
         'koi8_r', 'koi8_u', 'mac_roman', 'mac_greek', 'mac_cyrillic', 'iso8859_2', 'iso8859_5',
         'iso8859_7', 'iso8859_15', 'hp_roman8', 'cp500', 'utf_7', 'utf_8_sig']
ROUNDS = 40 * SCALE
TEXT = 'abc xyz 123'


def looker(tid):
    def body():
        bad = []
        for r in range(ROUNDS):
            for k in range(len(NAMES)):
                name = NAMES[(k + tid * 5 + r) % len(NAMES)]
                ci = codecs.lookup(name)
                if ci.name.replace('-', '_') != name.replace('-', '_') and name not in ('utf_7', 'utf_8_sig'):
                    bad.append((name, ci.name))
                if TEXT.encode(name).decode(name) != TEXT:
                    bad.append((name, 'round trip'))
        if bad:
            errors.append("looker %d: %r" % (tid, bad[:3]))
    return body


def handlers(tid):
    def body():
        for r in range(ROUNDS * 5):
            name = 'stress.h%d.%d' % (tid, r % 7)
            codecs.register_error(name, lambda e, r=r: ('<%d>' % r, e.end))
            out = 'a\u20acb'.encode('ascii', name)
            if not (out.startswith(b'a<') and out.endswith(b'>b')):
                errors.append("handler %d: %r" % (tid, out))
                return
            if b'\xff'.decode('cp437', 'strict') != '\xa0':
                errors.append("cp437 decode")
                return
    return body


def searcher():
    def search(name):
        return None
    for r in range(ROUNDS * 5):
        codecs.register(search)
        codecs.unregister(search)


run([looker(t) for t in range(3)] + [handlers(t) for t in range(2)] + [searcher])
finish("codecs_registry", "3 lookers x %d rounds x %d encodings, 2 handler threads, 1 search-function thread"
       % (ROUNDS, len(NAMES)))
