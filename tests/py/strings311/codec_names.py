# Encoding names are normalised like CPython's encodings package.
names = ["UTF_16", "utf16", "U16", "UTF-16LE", "utf_16_be", "utf-32", "U32", "UTF-32-BE",
         "cp1252", "windows-1252", "1252", "unicode_escape", "UNICODE ESCAPE", "raw-unicode-escape",
         "latin_1", "iso-8859-1", "ISO8859-1", "L1", "cp65001", "utf8", "U8", "UTF", " utf-8 ",
         "utf-8-sig", "us-ascii", "646", "utf_16le", "utf32le", "UTF16-LE", "unicodeescape", "utf-8!"]
for n in names:
    try:
        print(repr(n), "é".encode(n, "backslashreplace"))
    except LookupError as e:
        print(repr(n), "LookupError", e)
