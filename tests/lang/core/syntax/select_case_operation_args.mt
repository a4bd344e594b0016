# TEST: the operation ending a select case checks its arguments: recv() takes none
# EXIT: 2
# STDERR: select_case_operation_args.mt:6:19: 'recv()' in a select case takes no arguments
let c = channel(1)
select:
    case c.recv().recv(1) as v:
        print("WRONG", v)
