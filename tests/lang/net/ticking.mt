# Other threads keep running while one waits on a socket and another on a child process:
# the socket's data and the child's exit both wait for the ticker's progress, so neither
# wait can end unless the ticker ran meanwhile.
# UNORDERED: yes
#> waiting
#> tick 1
#> tick 2
#> tick 3
#> tick 4
#> tick 5
#> child said "done\n" after tick 3: true and exited 0
#> socket got "late\n" after tick 3: true
import net
import process
let ticks = 0
let server = net.listen("127.0.0.1", 0)
def late_sender():
    let c = server.accept()
    while ticks < 3:
        sleep(0.01)
    c.write("late\n")
    c.close()
def ticker():
    for i in range(5):
        sleep(0.03)
        ticks += 1
        print("tick", ticks)
        if ticks == 3:
            open("go.flag", "w").close()
def child():
    let p = process.start(["sh", "-c", "while [ ! -e go.flag ]; do sleep 0.01; done; rm go.flag; echo done"], stdout="pipe")
    let out = p.stdout.read().decode()
    print("child said", repr(out), "after tick 3:", ticks >= 3, "and exited", p.wait())
spawn late_sender()
let conn = net.connect("127.0.0.1", server.port)
spawn ticker()
let t = spawn child()
print("waiting")
let line = conn.readline()
print("socket got", repr(line), "after tick 3:", ticks >= 3)
t.join()
