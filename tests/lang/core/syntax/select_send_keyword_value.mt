# TEST: the send ending a select case takes its value by position, not by keyword
# EXIT: 2
# STDERR: select_send_keyword_value.mt:6:12: 'send(value)' in a select case takes exactly one value
let c = channel(1)
select:
    case c.send(v = 1):
        print("WRONG")
