# TEST: a traceback frame for a method and a lambda names them
# EXIT: 1
# STDERR: in run
# STDERR: traceback_method.mt:8
# STDERR: IndexError
class Job:
    def run(self):
        return [][1]
Job().run()
