# TEST: local time follows os.env["TZ"] (so setting it in os.env changes format and parse); utc=true ignores it (POSIX zone strings: no tzdata needed)
#> 1970-01-01 00:00:00 3600.0
#> 1969-12-31 19:00:00 1970-01-01 00:00:00 18000.0 18000.0
#> 09:00 JPX
#> 01:00
import os
import time
os.env["TZ"] = "UTC0"
print(time.format(0), time.parse("1970-01-01 01:00:00"))
os.env["TZ"] = "XST5"
print(time.format(0), time.format(0, utc=true), time.parse("1970-01-01 00:00:00"), time.parse("2024-07-01 12:00:00") - time.parse("2024-07-01 12:00:00", utc=true))
os.setenv("TZ", "JPX-9")
print(time.format(0, "%H:%M %Z"))
os.env.pop("TZ")
os.env["TZ"] = "UTC0"
print(time.format(3600, "%H:%M"))
