# TEST: regression: ChannelClosed raised by a select (a chosen case on a closed channel) named the line after the statement; checked in a spawned thread and in main
# EXIT: 1
# STDERR: select_error_line_closed.mt:11, in reader
# STDERR: select_error_line_closed.mt:17, in select_line
# STDERR:     select:
# STDERR: ChannelClosed: send on a closed channel
# STDERR: ChannelClosed: recv on a closed channel
let closed = channel()
closed.close()
def reader():
    select:
        case closed.send(1):
            print("WRONG sent")
        default:
            print("WRONG default")
def select_line():
    select:
        case closed.recv() as v:
            print("WRONG", v)

    return 0
spawn reader()
sleep(0.01)
select_line()
