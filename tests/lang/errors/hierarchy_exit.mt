# TEST: ThreadExit, SystemExit and Interrupt derive from Exit, not from Error
#> ThreadExit true false
#> SystemExit true false
#> Interrupt true false
for c in [ThreadExit, SystemExit, Interrupt]:
    let e = c("m")
    print(type(e), isinstance(e, Exit), isinstance(e, Error))
