# time: struct_time, gmtime, strftime, asctime (UTC only: deterministic).
import time
t = time.gmtime(0)
print(t)
print(t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec, t.tm_wday, t.tm_yday, t.tm_isdst)
print(t[0], t[-1], t[:3], len(t), list(t), tuple(t), t == (1970, 1, 1, 0, 0, 0, 3, 1, 0))
y, mo, *rest = time.gmtime(1234567890)
print(y, mo, rest)
print(time.gmtime(1234567890.9), time.gmtime(-1).tm_year, time.gmtime(951782400).tm_yday)
print(time.asctime(t), time.asctime(time.gmtime(1234567890)))
print(time.strftime('%Y-%m-%d %H:%M:%S', time.gmtime(1234567890)))
print(time.strftime('%a %A %b %B %j %%', time.gmtime(0)), repr(time.strftime('', t)))
print(time.strftime('%Y/%m/%d', (2020, 2, 29, 12, 30, 0, 5, 60, 0)))
print(time.strftime('%m %d %j', (2020, 0, 0, 0, 0, 0, 0, 0, 0)))
st = time.struct_time((2021, 3, 4, 5, 6, 7, 3, 63, 0))
print(st, st.tm_yday, st.tm_zone, time.asctime(st))
print(type(time.localtime()).__name__, len(time.localtime()), time.localtime(0) == time.localtime(0))
lt = time.localtime(1234567890)
print(time.mktime(lt) == 1234567890.0, time.gmtime(time.mktime(time.localtime(1000000))) == time.gmtime(1000000))
print(type(time.ctime()).__name__, len(time.ctime(0)), type(time.asctime()).__name__)

def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

check(lambda: time.strftime('%Y', (1, 2)))
check(lambda: time.strftime('%Y', 'x'))
check(lambda: time.strftime(5))
check(lambda: time.strftime('%Y', (2020, 13, 1, 0, 0, 0, 0, 1, 0)))
check(lambda: time.strftime('%Y', (2020, 1, 1, 24, 0, 0, 0, 1, 0)))
check(lambda: time.asctime((2020, 1, 0, 0, 0, 0, 0, 1, 0)))
check(lambda: time.asctime((2020, 1, 1, 0, 0, 0, 0, 1, 0, 5)))
check(lambda: time.mktime((1,)))
check(lambda: time.struct_time((1, 2)))
check(lambda: time.gmtime('x'))
check(lambda: time.gmtime(float('nan')))
check(lambda: time.gmtime(1e300))
