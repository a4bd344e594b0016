# TEST: an uncaught FileNotFoundError (an IOError) from open exits 1 with a traceback
# EXIT: 1
# STDERR: FileNotFoundError: cannot open
# STDERR: open_missing_uncaught.mt:5
let f = open("/tmp/mt_h2_io_no_such_dir/x.txt")
