# helper module for import tests
let greeting = "hello"
let counter = 0
def greet(name):
    return greeting + ", " + name
def bump():
    counter += 1
    return counter
class Thing:
    def init(self, v):
        self.v = v
print("mymod loaded")
