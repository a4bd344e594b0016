# TEST: input() reads lines from stdin without newline and returns nil at end of input
# STDIN: alpha
# STDIN: 
# STDIN: gamma
#> ["alpha", "", "gamma"]
let lines = []
while true:
    let l = input()
    if l == nil:
        break
    lines.append(l)
print(lines)
