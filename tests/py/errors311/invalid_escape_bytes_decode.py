b"\\x4".decode("unicode_escape")
