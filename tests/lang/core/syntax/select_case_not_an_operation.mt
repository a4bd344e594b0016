# TEST: a select case whose expression does not end in .recv() or .send(value) is a compile error at the token after it
# EXIT: 2
# STDERR: select_case_not_an_operation.mt:6:26: expected '.recv()', '.send(value)', '.readable()' or '.writable()' in a select case
let c = channel(1)
select:
    case c.recv().close():
        print("WRONG")
