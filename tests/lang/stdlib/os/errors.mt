# TEST: failures raise FileNotFoundError, PermissionError or IOError (all IOErrors) with the path and the system's reason; bad arguments raise TypeError or ValueError
#> FileNotFoundError true cannot remove 'no_such_file': No such file or directory
#> FileNotFoundError true cannot remove directory 'no_such_dir': No such file or directory
#> FileNotFoundError true cannot list directory 'no_such_dir': No such file or directory
#> FileNotFoundError true cannot stat 'no_such_file': No such file or directory
#> FileNotFoundError true cannot change to directory 'no_such_dir': No such file or directory
#> FileNotFoundError true cannot rename 'no_such_file' to 'other': No such file or directory
#> PermissionError true cannot remove '/proc/version': Operation not permitted
#> IOError true cannot list directory '/dev/null': Not a directory
#> IOError true cannot remove directory '/dev/null': Not a directory
#> IOError true cannot remove '/': Is a directory
#> IOError true cannot make directory '/': File exists
#> TypeError false os.stat() argument 1 must be a str, not int
#> TypeError false os.exists() argument 1 must be a str, not nil
#> ValueError false os.stat(): path contains a NUL byte
#> TypeError false os.remove() takes 1 argument but 0 were given
#> TypeError false os.rename() takes 2 arguments but 1 was given
#> TypeError false os.mkdir() got an unexpected keyword argument 'mode'
import os
def check(f):
    try:
        f()
        print("no error")
    except Error as e:
        print(type(e), isinstance(e, IOError), e.message)
check(fn(): os.remove("no_such_file"))
check(fn(): os.rmdir("no_such_dir"))
check(fn(): os.listdir("no_such_dir"))
check(fn(): os.stat("no_such_file"))
check(fn(): os.chdir("no_such_dir"))
check(fn(): os.rename("no_such_file", "other"))
check(fn(): os.remove("/proc/version"))
check(fn(): os.listdir("/dev/null"))
check(fn(): os.rmdir("/dev/null"))
check(fn(): os.remove("/"))
check(fn(): os.mkdir("/"))
check(fn(): os.stat(42))
check(fn(): os.exists(nil))
check(fn(): os.stat("a\0b"))
check(fn(): os.remove())
check(fn(): os.rename("a"))
check(fn(): os.mkdir("x", parents=true, mode=1))
