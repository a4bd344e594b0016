# TEST: input() in a spawned thread waits for a slow pipe while main prints; nil at the end
# STDIN_CMD: sleep 0.2; printf 'alpha\nbeta'
#> main runs first
#> alpha
#> beta
#> nil
def reader():
    while true:
        let line = input()
        print(line)
        if line == nil:
            break
let t = spawn reader()
print("main runs first")
t.join()
