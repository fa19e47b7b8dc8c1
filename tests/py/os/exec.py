# posix.execv/execve: their argument errors, then a real execve that
# replaces this process with a new interpreter (the same one) printing
# what it got.
import os, sys

for args in [('/nonexistent_tn', ['x']), ('/bin/true', []), ('/bin/true', ('',)), ('/bin/true', 'ab'),
             (1.5, ['x'])]:
    try:
        os.execv(*args)
    except (OSError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
for env in [1, {'A=B': 'c'}, {'A': 1}]:
    try:
        os.execve('/bin/true', ['true'], env)
    except (OSError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
print('before exec')
sys.stdout.flush()
os.execve(sys.executable, [sys.executable, '-c', 'import os; print("after exec", os.environ["TN_EXEC"], os.getcwd() != "")'],
          {'TN_EXEC': 'yes \xe9', 'PATH': '/usr/bin:/bin'})
print('not reached')
