# TEST: an uncaught user error class prints its class name and message, exit 1, stdout so far is kept
#> partial output
# EXIT: 1
# STDERR: AppError: it broke
class AppError(Error):
    pass
print("partial output")
raise AppError("it broke")
