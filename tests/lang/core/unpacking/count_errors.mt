# TEST: unpacking the wrong number of values raises ValueError giving both counts; a non-iterable raises TypeError
#> ValueError: too many values to unpack (expected 2, got 3)
#> ValueError: not enough values to unpack (expected 3, got 2)
#> ValueError: not enough values to unpack (expected at least 2, got 1)
#> ValueError: not enough values to unpack (expected 2, got 1)
#> ValueError: too many values to unpack (expected 2, got 3)
#> TypeError: cannot unpack non-iterable int object
#> TypeError: cannot unpack non-iterable nil object
#> 1 2
#> ValueError: not enough values to unpack (expected 2, got 1)
#> ValueError: not enough values to unpack (expected 3, got 2)
def too_many():
    let a, b = [1, 2, 3]
def not_enough():
    let a, b, c = (1, 2)
def star_short():
    let a, *b, c = (1,)
def nested_short():
    let a, (b, c) = 1, [2]
def assign_many():
    let a = 0
    let b = 0
    a, b = 1, 2, 3
def not_iterable():
    let a, b = 1
def none():
    let a, b = nil
def for_pairs():
    for k, v in [(1, 2), (3,)]:
        print(k, v)
def generic_short():
    let a, b, c = "ab"
for f in [too_many, not_enough, star_short, nested_short, assign_many, not_iterable, none, for_pairs, generic_short]:
    try:
        f()
    except ValueError as e:
        print("ValueError:", e.message)
    except TypeError as e:
        print("TypeError:", e.message)
