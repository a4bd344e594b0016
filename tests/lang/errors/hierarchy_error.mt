# TEST: every listed error class derives from Error
#> TypeError ValueError KeyError IndexError NameError IOError ChannelClosed DeadlockError RecursionError MemoryError AttributeError AssertionError ImportError StopIteration ZeroDivisionError OverflowError
let classes = [TypeError, ValueError, KeyError, IndexError, NameError, IOError, ChannelClosed, DeadlockError, RecursionError, MemoryError, AttributeError, AssertionError, ImportError, StopIteration, ZeroDivisionError, OverflowError]
let ok = []
for c in classes:
    if isinstance(c("m"), Error) and not isinstance(c("m"), Exit):
        ok.append(type(c("m")))
print(" ".join(ok))
