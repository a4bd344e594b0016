# TEST: an uncaught Interrupt exits with status 130
# EXIT: 130
# STDERR: Interrupt
raise Interrupt("simulated ctrl-c")
