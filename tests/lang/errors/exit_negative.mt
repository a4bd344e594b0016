# TEST: exit(-1) exits with status 255 (n & 255)
# EXIT: 255
exit(-1)
