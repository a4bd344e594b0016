# TEST: an instance prints as <ClassName object> by default
#> <Thing object>
#> [<Thing object>]
class Thing:
    pass
print(Thing())
print([Thing()])
