# TEST: the report of a thread error names the spawn site at module level as <module>
#> done
# EXIT: 1
# STDERR_RE: Error in thread [0-9]+ \(spawned at [^ ]*error_in_thread_module_spawn\.mt:8 in <module>\)
# STDERR: ZeroDivisionError
def worker():
    return 1 // 0
spawn worker()
print("done")
