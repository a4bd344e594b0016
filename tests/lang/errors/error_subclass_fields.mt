# TEST: an error subclass with its own init and methods; message defaults work through super.init
#> HttpError 404 not found
class HttpError(IOError):
    def init(self, code, msg):
        super.init(msg)
        self.code = code
    def describe(self):
        return str(self.code) + " " + self.message
try:
    raise HttpError(404, "not found")
except IOError as e:
    print(type(e), e.describe())
