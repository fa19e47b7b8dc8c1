# os: listdir, mkdir, rmdir, remove, rename, stat, and the OSError subclasses.
import os

def check(f):
    try:
        print(f())
    except OSError as e:
        print(type(e).__name__, e, e.errno, e.strerror, e.filename, e.args)
    except Exception as e:
        print(type(e).__name__, e)

# A fixed set of names: other tests in this directory come and go.
print(sorted(n for n in os.listdir() if n in ('basics.py', 'files.py', 'path.py', 'absent.py')))
print(sorted(n for n in os.listdir('.') if n.endswith('.py')) == sorted(n for n in os.listdir(os.getcwd()) if n.endswith('.py')))
d = '_tmp_os_files_dir'
if os.path.isdir(d):
    for name in os.listdir(d):
        os.remove(os.path.join(d, name))
    os.rmdir(d)
os.mkdir(d)
print(os.path.exists(d), os.path.isdir(d), os.path.isfile(d), os.listdir(d))
check(lambda: os.mkdir(d))
st = os.stat(d)
print(type(st).__name__, st.st_size >= 0, type(st.st_mtime).__name__, type(st.st_mode).__name__, len(st), st[6] == st.st_size)
check(lambda: os.stat('no_such_file_here'))
check(lambda: os.listdir('no_such_dir_here'))
check(lambda: os.remove('no_such_file_here'))
check(lambda: os.unlink(d))
check(lambda: os.rmdir('no_such_dir_here'))
check(lambda: os.chdir('no_such_dir_here'))
check(lambda: os.rename('no_such_file_here', 'other_name'))
check(lambda: os.path.getsize('no_such_file_here'))
check(lambda: os.listdir(5.5))
check(lambda: os.stat(None))
print(os.path.getsize('files.py') == os.stat('files.py').st_size, os.path.isfile('files.py'))
os.rmdir(d)
print(os.path.exists(d))
e = OSError(2, 'No such file or directory', 'x')
print(type(e).__name__, e, e.args, e.errno, e.filename, isinstance(e, FileNotFoundError))
e = OSError(13, 'Permission denied')
print(type(e).__name__, e, e.filename)
e = OSError('plain')
print(type(e).__name__, e, e.errno, e.strerror)
e = FileExistsError(17, 'File exists', 'a', None, 'b')
print(e, e.filename2)
print(OSError is EnvironmentError, os.error is OSError, issubclass(FileNotFoundError, OSError))
