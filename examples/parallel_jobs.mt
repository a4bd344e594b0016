# Runs shell commands in parallel, a thread per child process.
#
# Run: mt examples/parallel_jobs.mt [-j N] [-t SECONDS] COMMAND...
#      mt examples/parallel_jobs.mt -j 2 -t 1 "sleep 0.2; echo one" "exit 3" "sleep 5"
#
# Each COMMAND runs under /bin/sh with its output captured. At most N run at once (a
# buffered channel of N slots is the semaphore); a job still running after SECONDS is
# killed by its watchdog thread. While the children run, the threads that wait for them
# are suspended and the others go on. The results are printed in the order the commands
# were given; the exit status is 1 if any job failed.
import process

let jobs = 2
let timeout = 10
let commands = []
let i = 1
while i < len(argv):
    if argv[i] == "-j":
        jobs = int(argv[i + 1])
        i += 2
    elif argv[i] == "-t":
        timeout = float(argv[i + 1])
        i += 2
    else:
        commands.append(argv[i])
        i += 1

let slots = channel(jobs)
let results = {}

def read_all(pipe):
    try:
        return pipe.read().decode()
    except IOError:
        return ""         # the watchdog closed the pipe under us

def watchdog(p, seconds, timed_out):
    sleep(seconds)
    timed_out.append(true)
    p.kill()
    # A grandchild (sh -c "a; b" forks) may keep the pipes open after its parent died:
    # closing our ends wakes the readers at once.
    p.stdout.close()
    p.stderr.close()

def run_job(n, command):
    slots.send(n)         # waits while N jobs run
    try:
        let p = process.start(command, stdout="pipe", stderr="pipe", shell=true)
        let timed_out = []
        let dog = spawn watchdog(p, timeout, timed_out)
        let err_reader = spawn read_all(p.stderr)
        let out = read_all(p.stdout)
        let err = err_reader.join()
        let code = p.wait()
        dog.kill()
        results[n] = [code, out, err, len(timed_out) > 0]
    finally:
        slots.recv()

let threads = []
for n in range(len(commands)):
    threads.append(spawn run_job(n, commands[n]))
for t in threads:
    t.join()

let failed = 0
for n in range(len(commands)):
    let r = results[n]
    let status = f"killed after {timeout} s" if r[3] else f"exit {r[0]}"
    if r[0] != 0:
        failed += 1
    print(f"[{n + 1}] {commands[n]}: {status}")
    for line in r[1].split("\n"):
        if line != "":
            print("    " + line)
    for line in r[2].split("\n"):
        if line != "":
            print("    (stderr) " + line)
print(f"{len(commands)} jobs, {failed} failed")
if failed > 0:
    exit(1)
