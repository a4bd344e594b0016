# What a child inherits: only the fds mt itself inherited (every fd Mt opens is
# close-on-exec: the listening socket, the connection, the open file), SIGPIPE at its default (mt ignores it) and no signal
# blocked. A waited-for child is reaped (no zombie in /proc), and running children with
# pipes leaves no fd open in mt (fewer if the collector closed some).
#> fds in the child: the same with a socket, a connection and a file open
#> SigBlk:	0000000000000000
#> SIGPIPE ignored in the child: 0
#> reaped: true
#> mt's fds after 100 runs: no more
import net
import os
import process
def child_fds():
    return process.run(["ls", "/proc/self/fd"], capture=true).stdout
let fds_before = child_fds()
let server = net.listen("127.0.0.1", 0)
let conn = net.connect("127.0.0.1", server.port)
let f = open("hygiene.tmp", "w")
let fds_after = child_fds()
print("fds in the child:", "the same with a socket, a connection and a file open" if fds_after == fds_before else fds_before + " then " + fds_after)
f.close()
let status = process.run(["cat", "/proc/self/status"], capture=true).stdout
for line in status.split("\n"):
    if line.startswith("SigIgn:"):
        print("SIGPIPE ignored in the child:", (int(line.split()[1], 16) >> 12) & 1)
    if line.startswith("SigBlk:"):
        print(line)
let p = process.start(["true"])
p.wait()
print("reaped:", process.run(["test", "-e", f"/proc/{p.pid}"]).returncode == 1)
def mt_fds():
    # Counted in-process: a child listing /proc/$PPID/fd raced with mt opening that
    # child's own pidfd, so the count moved by one from run to run.
    return len(os.listdir("/proc/self/fd"))
let before = mt_fds()
for i in range(100):
    process.run(["echo", str(i)], input="x", capture=true)
let after = mt_fds()
print("mt's fds after 100 runs:", "no more" if after <= before else f"before {before} after {after}")
process.run(["rm", "hygiene.tmp"])
