# Error handlers: the standard ones as objects, and handlers registered
# with codecs.register_error used by str.encode / bytes.decode.
import codecs

def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

names = ['strict', 'ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace', 'namereplace',
         'surrogateescape', 'surrogatepass']
print([codecs.lookup_error(n).__name__ for n in names])
print(codecs.lookup_error('strict') is codecs.strict_errors)
enc = UnicodeEncodeError('utf-8', 'abc\udc80\udcffdef', 3, 5, 'oops')
dec = UnicodeDecodeError('utf-16-le', b'ab\x00\xdc\xff\xfe', 2, 4, 'oops')
tr = UnicodeTranslateError('ab\u1234c', 2, 3, 'oops')
for n in names:
    h = codecs.lookup_error(n)
    t(n + ' enc', lambda: h(enc))
    t(n + ' dec', lambda: h(dec))
    t(n + ' tr', lambda: h(tr))
    t(n + ' int', lambda: h(3))
t('esc dec', lambda: codecs.surrogateescape(UnicodeDecodeError('utf-8', b'a\x80\x81b\xff', 1, 5, 'x')))
t('esc dec ascii', lambda: codecs.surrogateescape(UnicodeDecodeError('utf-8', b'ab', 0, 1, 'x')))
t('pass utf8 dec', lambda: codecs.surrogatepass(UnicodeDecodeError('utf-8', b'a\xed\xa0\x80', 1, 2, 'x')))
t('pass utf32 enc', lambda: codecs.surrogatepass(UnicodeEncodeError('utf-32-be', 'a\ud800', 1, 2, 'x')))
t('pass latin enc', lambda: codecs.surrogatepass(UnicodeEncodeError('latin-1', 'a\ud800', 1, 2, 'x')))
t('name enc', lambda: codecs.namereplace_errors(UnicodeEncodeError('ascii', 'a\xe9\u20ac\U0001f600', 1, 4, 'x')))
t('lookup unknown', lambda: codecs.lookup_error('nope'))
t('lookup int', lambda: codecs.lookup_error(3))
t('register not callable', lambda: codecs.register_error('x', 3))
t('register int name', lambda: codecs.register_error(3, print))

log = []
def mine(e):
    log.append((type(e).__name__, e.encoding, e.start, e.end, e.reason))
    return ('<%d-%d>' % (e.start, e.end), e.end)
codecs.register_error('test.mine', mine)
t('ascii', lambda: 'ab\xff\xfec'.encode('ascii', 'test.mine'))
t('latin-1', lambda: 'ab\u0100c'.encode('latin-1', 'test.mine'))
t('utf-8', lambda: 'a\ud800b'.encode('utf-8', 'test.mine'))
t('utf-16', lambda: 'a\ud800b'.encode('utf-16-le', 'test.mine'))
t('cp1252', lambda: 'ab\u1234'.encode('cp1252', 'test.mine'))
t('cp437', lambda: 'ab\u1234\u1235c'.encode('cp437', 'test.mine'))
t('dec ascii', lambda: b'ab\xff\xfe'.decode('ascii', 'test.mine'))
t('dec utf-8', lambda: b'ab\xff\xe2\x82'.decode('utf-8', 'test.mine'))
t('dec utf-16', lambda: b'a\x00\x00\xdcb'.decode('utf-16-le', 'test.mine'))
t('dec cp1253', lambda: b'a\xaab'.decode('cp1253', 'test.mine'))
t('dec unicode_escape', lambda: b'a\\x4g'.decode('unicode_escape', 'test.mine'))
for entry in log:
    print(entry)

codecs.register_error('test.bytes', lambda e: (b'[%d]' % e.start, e.end))
t('bytes rep', lambda: 'a\xffb'.encode('ascii', 'test.bytes'))
t('bytes rep utf-16 odd', lambda: 'a\ud800b'.encode('utf-16-le', 'test.bytes'))
codecs.register_error('test.skip', lambda e: ('', -1))
t('negative pos', lambda: 'ab\xffcd'.encode('ascii', 'test.skip'))
codecs.register_error('test.far', lambda e: ('', 100))
t('out of bounds', lambda: 'ab\xff'.encode('ascii', 'test.far'))
t('out of bounds dec', lambda: b'ab\xff'.decode('ascii', 'test.far'))
codecs.register_error('test.badret', lambda e: 'x')
t('bad return enc', lambda: 'ab\xff'.encode('ascii', 'test.badret'))
t('bad return dec', lambda: b'ab\xff'.decode('ascii', 'test.badret'))
codecs.register_error('test.bytesdec', lambda e: (b'x', e.end))
t('bytes for decode', lambda: b'ab\xff'.decode('ascii', 'test.bytesdec'))
codecs.register_error('test.nonascii', lambda e: ('\xe9', e.end))
t('non-ascii rep ascii', lambda: 'a\u1234'.encode('ascii', 'test.nonascii'))
t('non-ascii rep latin', lambda: 'a\u1234'.encode('latin-1', 'test.nonascii'))
t('non-ascii rep utf8', lambda: 'a\ud800'.encode('utf-8', 'test.nonascii'))
def raising(e):
    raise KeyError('from handler')
codecs.register_error('test.raise', raising)
t('raising', lambda: 'a\xff'.encode('ascii', 'test.raise'))
t('unknown handler', lambda: 'a\xff'.encode('ascii', 'test.unknown'))
t('unknown handler dec', lambda: b'a\xff'.decode('utf-8', 'test.unknown'))
t('unknown handler ok', lambda: 'abc'.encode('ascii', 'test.unknown'))
