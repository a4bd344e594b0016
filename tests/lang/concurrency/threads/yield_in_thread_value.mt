# TEST: a top-level yield in a thread lets the others run, and a coroutine inside a thread still yields to its own resumer
#> t: inner gives 1
#> u: ran
#> t: inner gives 2
def inner():
    yield 1
    yield 2
def t():
    let co = coroutine(inner)
    print("t: inner gives", co.resume())
    yield
    print("t: inner gives", co.resume())
def u():
    print("u: ran")
spawn t()
spawn u()
