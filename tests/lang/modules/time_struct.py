# time: struct_time, gmtime, strftime, asctime, mktime round trip and argument errors (no wall-clock output).
import time
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)
g = time.gmtime(0)
print(g)  # expect: time.struct_time(tm_year=1970, tm_mon=1, tm_mday=1, tm_hour=0, tm_min=0, tm_sec=0, tm_wday=3, tm_yday=1, tm_isdst=0)
print(g.tm_year, g.tm_mon, g.tm_mday, g.tm_hour, g.tm_wday, g.tm_yday, g.tm_isdst, g.tm_zone, g.tm_gmtoff)  # expect: 1970 1 1 0 3 1 0 GMT 0
print(len(g), g[0], g[-1], g[:3], tuple(g), isinstance(g, tuple), type(g).__name__, type(g).__module__)  # expect: 9 1970 0 (1970, 1, 1) (1970, 1, 1, 0, 0, 0, 3, 1, 0) True struct_time time
print(g == (1970, 1, 1, 0, 0, 0, 3, 1, 0), list(time.gmtime(86400 * 365.25 * 30 + 0.9)))  # expect: True [2000, 1, 1, 12, 0, 0, 5, 1, 0]
print(time.gmtime(1.9).tm_sec, time.gmtime(-1.5), time.gmtime(951782400)[:3])  # expect: 1 time.struct_time(tm_year=1969, tm_mon=12, tm_mday=31, tm_hour=23, tm_min=59, tm_sec=58, tm_wday=2, tm_yday=365, tm_isdst=0) (2000, 2, 29)
print(time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(1234567890)), time.strftime("%j %a %b %%", g))  # expect: 2009-02-13 23:31:30 001 Thu Jan %
print(time.strftime("%Y", (2020, 1, 1, 0, 0, 0, 0, 1, 0)), time.strftime("", g), time.strftime("%d/%m", (2000, 0, 0, 0, 0, 0, 0, 0, 0)))  # expect: 2020  01/01
print(time.asctime(g), time.asctime((2021, 12, 25, 13, 5, 9, 5, 359, 0)), time.asctime(time.gmtime(10 ** 9)))  # expect: Thu Jan  1 00:00:00 1970 Sat Dec 25 13:05:09 2021 Sun Sep  9 01:46:40 2001
lt = time.localtime(1000000)
print(time.mktime(lt), time.localtime(time.mktime(lt)) == lt, type(time.mktime(lt)).__name__)  # expect: 1000000.0 True float
print(len(time.ctime()) > 20, time.localtime()[0] >= 2024, time.gmtime()[0] >= 2024, time.strftime("%Y") >= "2024")  # expect: True True True True
s = time.struct_time((2000, 1, 2, 3, 4, 5, 6, 7, 0))
print(s, s.tm_zone, s[5])  # expect: time.struct_time(tm_year=2000, tm_mon=1, tm_mday=2, tm_hour=3, tm_min=4, tm_sec=5, tm_wday=6, tm_yday=7, tm_isdst=0) None 5
print(time.struct_time([1, 2, 3, 4, 5, 6, 7, 8, 9, "Z", 5]).tm_zone)  # expect: Z
print(type(time.time()).__name__, type(time.time_ns()).__name__, type(time.monotonic_ns()).__name__, type(time.perf_counter_ns()).__name__)  # expect: float int int int
print(time.process_time() >= 0, time.process_time_ns() >= 0, time.thread_time() >= 0, time.thread_time_ns() >= 0)  # expect: True True True True
a = time.monotonic_ns()
time.sleep(0.002)
print(time.monotonic_ns() - a >= 2000000, time.sleep(0), time.sleep(False))  # expect: True None None
t(lambda: time.sleep(-1))  # expect: ValueError: sleep length must be non-negative
t(lambda: time.sleep(-0.5))  # expect: ValueError: sleep length must be non-negative
t(lambda: time.sleep("1"))  # expect: TypeError: 'str' object cannot be interpreted as an integer
t(lambda: time.sleep(float("nan")))  # expect: ValueError: Invalid value NaN (not a number)
t(lambda: time.sleep(10 ** 30))  # expect: OverflowError: timestamp too large to convert to C _PyTime_t
t(lambda: time.sleep())  # expect: TypeError: time.sleep() takes exactly one argument (0 given)
t(lambda: time.sleep(x=1))  # expect: TypeError: time.sleep() takes no keyword arguments
t(lambda: time.time(1))  # expect: TypeError: time.time() takes no arguments (1 given)
t(lambda: time.gmtime("x"))  # expect: TypeError: 'str' object cannot be interpreted as an integer
t(lambda: time.gmtime(float("nan")))  # expect: ValueError: Invalid value NaN (not a number)
t(lambda: time.gmtime(10 ** 30))  # expect: OverflowError: timestamp out of range for platform time_t
t(lambda: time.localtime(1, 2))  # expect: TypeError: localtime() takes at most 1 argument (2 given)
t(lambda: time.strftime("%Y", (2020, 13, 1, 0, 0, 0, 0, 1, 0)))  # expect: ValueError: month out of range
t(lambda: time.strftime("%Y", (2020, 1, 32, 0, 0, 0, 0, 1, 0)))  # expect: ValueError: day of month out of range
t(lambda: time.strftime("%Y", (2020, 1, 1, 24, 0, 0, 0, 1, 0)))  # expect: ValueError: hour out of range
t(lambda: time.strftime("%Y", (2020, 1, 1, 0, 60, 0, 0, 1, 0)))  # expect: ValueError: minute out of range
t(lambda: time.strftime("%Y", (2020, 1, 1, 0, 0, 62, 0, 1, 0)))  # expect: ValueError: seconds out of range
t(lambda: time.strftime("%Y", (2020, 1, 1, 0, 0, 0, -2, 1, 0)))  # expect: ValueError: day of week out of range
t(lambda: time.strftime("%Y", (2020, 1, 1, 0, 0, 0, 0, 367, 0)))  # expect: ValueError: day of year out of range
t(lambda: time.strftime("%Y", (2020, 1, 1, 0, 0, 0, 0, 1)))  # expect: TypeError: strftime(): illegal time tuple argument
t(lambda: time.strftime("%Y", 5))  # expect: TypeError: Tuple or struct_time argument required
t(lambda: time.strftime("%Y", ("a", 1, 1, 0, 0, 0, 0, 1, 0)))  # expect: TypeError: 'str' object cannot be interpreted as an integer
t(lambda: time.strftime("%Y", (2020.5, 1, 1, 0, 0, 0, 0, 1, 0)))  # expect: TypeError: 'float' object cannot be interpreted as an integer
t(lambda: time.strftime(5))  # expect: TypeError: strftime() argument 1 must be str, not int
t(lambda: time.strftime())  # expect: TypeError: strftime() takes at least 1 argument (0 given)
t(lambda: time.strftime("a\0b"))  # expect: ValueError: embedded null character
t(lambda: time.asctime((2020, 1, 1, 0, 0, 0, 0, 1)))  # expect: TypeError: asctime(): illegal time tuple argument
t(lambda: time.asctime((2020, 0, 1, 0, 0, 0, 0, 1, 0)))  # expect: 'Mon Jan  1 00:00:00 2020'
t(lambda: time.mktime(5))  # expect: TypeError: Tuple or struct_time argument required
t(lambda: time.mktime((1, 2)))  # expect: TypeError: mktime(): illegal time tuple argument
t(lambda: time.struct_time((1, 2, 3)))  # expect: TypeError: time.struct_time() takes an at least 9-sequence (3-sequence given)
t(lambda: time.struct_time((1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12)))  # expect: TypeError: time.struct_time() takes an at most 11-sequence (12-sequence given)
t(lambda: time.struct_time(5))  # expect: TypeError: constructor requires a sequence
t(lambda: g[9])  # expect: IndexError: tuple index out of range
t(lambda: g.foo)  # expect: AttributeError: 'time.struct_time' object has no attribute 'foo'
