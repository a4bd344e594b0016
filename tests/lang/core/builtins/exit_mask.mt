# TEST: exit(n) uses n & 255 as the status
# EXIT: 4
exit(260)
