# TEST: time.format with strftime codes, %f microseconds and %% in UTC; the default format; negative and fractional times
#> 1970-01-01 00:00:00
#> Sat 15 Jun 2024 12:30:00.250000 167 Saturday June PM %f %
#> 2024-06-15 12:30:00 00:00:00.000000
#> 1969-12-31 23:59:58.500000 "" plain text
#> 2000-02-29 09 2 00 29|20
import time
print(time.format(0, "%Y-%m-%d %H:%M:%S", utc=true))
print(time.format(1718454600.25, "%a %d %b %Y %H:%M:%S.%f %j %A %B %p %%f %%", true))
print(time.format(1718454600, utc=true), time.format(t=86399.9999996, fmt="%H:%M:%S.%f", utc=true))
print(time.format(-1.5, "%Y-%m-%d %H:%M:%S.%f", utc=true), repr(time.format(5, "", utc=true)), time.format(5, "plain text", utc=true))
print(time.format(951782400, "%Y-%m-%d %U %w %y %e|%C", utc=true))
