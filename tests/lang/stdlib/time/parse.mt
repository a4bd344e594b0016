# TEST: time.parse gives float seconds; missing fields default to 1970-01-01 00:00:00; %f reads a fraction; %z a UTC offset; round trip with format
#> 1718454600.0
#> 1718409600.0 45000.0 0.0
#> 18367.5 18367.123456
#> 1718447400.0 1718460000.0
#> 1718445600.0
#> true
import time
print(time.parse("2024-06-15 12:30:00", "%Y-%m-%d %H:%M:%S", utc=true))
print(time.parse("2024-06-15", "%Y-%m-%d", utc=true), time.parse("12:30", "%H:%M", utc=true), time.parse("1970-01-01 00:00:00", utc=true))
print(time.parse("05:06:07.5", "%H:%M:%S.%f", utc=true), time.parse("05:06:07.123456", "%H:%M:%S.%f", utc=true))
print(time.parse("2024-06-15T12:30:00+0200", "%Y-%m-%dT%H:%M:%S%z"), time.parse("2024-06-15T12:30:00-0130", "%Y-%m-%dT%H:%M:%S%z"))
print(time.parse("15/Jun/2024:10:00:00", "%d/%b/%Y:%H:%M:%S", utc=true))
let t = 1700000000.5
print(time.parse(time.format(t, "%Y-%m-%d %H:%M:%S.%f", utc=true), "%Y-%m-%d %H:%M:%S.%f", utc=true) == t)
