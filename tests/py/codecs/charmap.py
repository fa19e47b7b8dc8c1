# The charmap codec: charmap_build/encode/decode with tables and mappings,
# and the table-driven encodings built on it.
import codecs

def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

table = '\x00' + '\ufffe' * 96 + 'ab' + 'c' * 157
em = codecs.charmap_build(table)
print(type(em).__name__)
t('encode em', lambda: codecs.charmap_encode('abca', 'strict', em))
t('encode em bad', lambda: codecs.charmap_encode('abxyc', 'strict', em))
t('encode em replace', lambda: codecs.charmap_encode('abxyc', 'replace', em))
t('build dict', lambda: codecs.charmap_build('abc'))
t('build 256 dict', lambda: len(codecs.charmap_build('a' * 256)))
t('build int', lambda: codecs.charmap_build(3))
t('decode table', lambda: codecs.charmap_decode(b'\x00\x61\x62', 'strict', table))
t('decode table bad', lambda: codecs.charmap_decode(b'\x01ab', 'strict', table))
t('decode table replace', lambda: codecs.charmap_decode(b'\x01ab', 'replace', table))
t('decode short table', lambda: codecs.charmap_decode(b'ab', 'strict', 'x'))
t('decode dict', lambda: codecs.charmap_decode(b'\x00\x01\x02', 'strict', {0: 'xy', 1: 300, 2: None}))
t('decode dict ignore', lambda: codecs.charmap_decode(b'\x00\x01\x02', 'ignore', {0: 'xy', 1: 300, 2: None}))
t('decode dict bad value', lambda: codecs.charmap_decode(b'\x00', 'strict', {0: 3.0}))
t('decode dict big', lambda: codecs.charmap_decode(b'\x00', 'strict', {0: 0x110000}))
t('decode none', lambda: codecs.charmap_decode(b'a\xff'))
t('encode dict', lambda: codecs.charmap_encode('ab', 'strict', {97: 1, 98: b'xy'}))
t('encode dict range', lambda: codecs.charmap_encode('ab', 'strict', {97: 1, 98: 300}))
t('encode dict str', lambda: codecs.charmap_encode('ab', 'strict', {97: 1, 98: 'x'}))
t('encode dict missing', lambda: codecs.charmap_encode('ab', 'strict', {97: 1}))
t('encode none', lambda: codecs.charmap_encode('ab'))
t('encode none bad', lambda: codecs.charmap_encode('ab\u1234'))
for enc in ['cp437', 'cp850', 'mac-roman', 'koi8-r', 'cp1251', 'iso8859-15', 'cp500', 'hp-roman8', 'cp1252']:
    s = 'Añ€ÿ'
    t(enc, lambda: s.encode(enc, 'replace'))
    t(enc + ' back', lambda: s.encode(enc, 'replace').decode(enc))
t('cp437 strict', lambda: 'a\u20acb'.encode('cp437'))
t('cp437 xml', lambda: 'a\u20acb'.encode('cp437', 'xmlcharrefreplace'))
t('cp437 name', lambda: 'a\u20acb'.encode('cp437', 'namereplace'))
t('cp437 backslash', lambda: 'a\u20acb'.encode('cp437', 'backslashreplace'))
t('koi8 decode', lambda: bytes(range(0xc0, 0xd0)).decode('koi8_r'))
t('cp1253 undefined', lambda: b'\xaa'.decode('cp1253'))
t('bytes()', lambda: bytes('añ', 'cp850'))
t('bytearray()', lambda: bytearray('añ', 'mac_roman', 'strict'))
t('str()', lambda: str(b'a\xa4', 'cp850'))
t('bytearray.decode', lambda: bytearray(b'a\x96').decode('cp850'))
t('str() errors', lambda: str(b'a\xaa', 'cp1253', 'replace'))
