# TEST: import math gives sqrt, floor, ceil, pi and friends
#> 4.0
#> 2 3
#> 3.141592653589793
#> -3 -2
import math
print(math.sqrt(16))
print(math.floor(2.7), math.ceil(2.1))
print(math.pi)
print(math.floor(-2.5), math.ceil(-2.5))
