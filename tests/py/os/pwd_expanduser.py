# pwd (getpwuid, getpwnam, getpwall, struct_passwd) and what posixpath
# builds on it: expanduser of '~user' and of '~' without $HOME.
import os, pwd

root = pwd.getpwuid(0)
print(type(root).__name__, len(root), root.pw_name, root.pw_uid, root.pw_dir == root[5])
print(pwd.getpwnam(root.pw_name) == root, pwd.struct_passwd.n_fields, pwd.struct_passwd.n_sequence_fields)
print(any(e.pw_uid == 0 for e in pwd.getpwall()), all(type(e) is pwd.struct_passwd for e in pwd.getpwall()))
for bad in [lambda: pwd.getpwuid(2 ** 31 - 7), lambda: pwd.getpwnam('no_such_user_tn'), lambda: pwd.getpwuid('x'),
            lambda: pwd.getpwnam(1), lambda: pwd.getpwuid(-5)]:
    try:
        bad()
    except (KeyError, TypeError) as e:
        print(type(e).__name__, e)
print(os.path.expanduser('~' + root.pw_name + '/x') == root.pw_dir + '/x', os.path.expanduser('~no_such_user_tn/y'))
home = os.environ.pop('HOME', None)
print(os.path.expanduser('~') == pwd.getpwuid(os.getuid()).pw_dir)
if home is not None:
    os.environ['HOME'] = home
p = pwd.struct_passwd(('n', 'x', 1, 2, 'g', '/d', '/s'))
print(p, p.pw_shell)
