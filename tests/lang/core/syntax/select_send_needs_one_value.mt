# TEST: the send ending a select case takes exactly one positional value
# EXIT: 2
# STDERR: select_send_needs_one_value.mt:6:12: 'send(value)' in a select case takes exactly one value
let c = channel(1)
select:
    case c.send(1, 2):
        print("WRONG")
