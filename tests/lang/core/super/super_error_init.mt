# TEST: a subclass of an Error class passes the message up with super.init
#> AppError: disk full
class AppError(Error):
    def init(self, what):
        super.init("disk " + what)
try:
    raise AppError("full")
except Error as e:
    print(type(e) + ":", e.message)
