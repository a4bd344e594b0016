#!/usr/bin/env python3
"""Writes the kill-matrix golden tests (SPEC 8.6, 6.6, 10): one test per combination of

  block    finally | with (the cleanup is a with exit)
  entry    how the cleanup block was entered: normal | error | kill
  arrival  when the kill arrives: blocked (the cleanup waits on a channel),
           runnable (the cleanup yielded), in_transit (a value was handed to the waiting
           cleanup just before the kill), twice (two kills while the cleanup waits)
           -- for entry=kill the kill arrives while the body waits, and a second kill
           arrives while the cleanup runs
  nested   the block sits inside an outer try/finally: flat | nested
  raises   the cleanup itself raises an Error: no | yes

Every worker is wrapped in a bare `except:`, which must never see the kill. The expected
output follows from the rules, not from a run: the cleanup always finishes (a kill that
arrives during it is held until it ends), the thread then unwinds (nothing after the block
runs, every outer cleanup runs, join returns nil), and an Error that the kill displaces —
raised by the cleanup, or in flight through it — is reported and makes the status 1.

Run it from this directory after changing it; the .mt files are committed.
"""
import itertools
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def cleanup_lines(wait, raises, indent):
    pad = " " * indent
    lines = [f'{pad}print("cleanup begins")', f"{pad}{wait}"]
    if raises:
        lines.append(f'{pad}raise ValueError("cleanup failed")')
    lines.append(f'{pad}print("cleanup ends")')
    return lines


def program(block, entry, arrival, nested, raises):
    wait = "sleep(0)" if arrival == "runnable" or entry == "kill" else "hold.recv()"
    body = ['print("body")']
    if entry == "error":
        body.append('raise ValueError("boom")')
    elif entry == "kill":
        body += ["gate.recv()", 'print("body resumed")']
    src = ["let gate = channel()", "let hold = channel()"]
    if block == "with":
        src += ["class Mgr:", "    def enter(self):", "        return self",
                "    def exit(self, err):"]
        src += cleanup_lines(wait, raises, 8)
        src += ["        return false"]
    src += ["def worker():", "    try:"]
    ind = 8
    if nested:
        src.append("        try:")
        ind = 12
    pad = " " * ind
    if block == "with":
        src.append(f"{pad}with Mgr():")
        src += [f"{pad}    {b}" for b in body]
    else:
        src.append(f"{pad}try:")
        src += [f"{pad}    {b}" for b in body]
        src.append(f"{pad}finally:")
        src += cleanup_lines(wait, raises, ind + 4)
    if nested:
        src += ["        finally:", '            print("outer cleanup")']
    src += ['        print("after block")', "    except:",
            '        print("a bare except caught an Error")', '    return "normal return"',
            "let t = spawn worker()", "sleep(0)"]
    if entry == "kill":
        src += ["t.kill()", "sleep(0)", "t.kill()"]
    elif arrival == "blocked":
        src += ["t.kill()", "hold.send(1)"]
    elif arrival == "runnable":
        src += ["t.kill()"]
    elif arrival == "in_transit":
        src += ["hold.send(1)", "t.kill()"]
    elif arrival == "twice":
        src += ["t.kill()", "t.kill()", "hold.send(1)"]
    src += ['print("join:", t.join())', 'print("main ends")']

    out = ["body", "cleanup begins"]
    if not raises:
        out.append("cleanup ends")
    if nested:
        out.append("outer cleanup")
    out += ["join: nil", "main ends"]
    displaced = raises or entry == "error"
    header = [f"# TEST: kill matrix: {block} entered by {entry}, kill arrives {arrival}"
              f"{', nested' if nested else ''}{', cleanup raises' if raises else ''}"]
    if displaced:
        header += ["# EXIT: 1",
                   "# STDERR: ignored while ThreadExit unwinds the thread:",
                   "# STDERR: ValueError: " + ("cleanup failed" if raises else "boom")]
    header += ["#> " + line for line in out]
    return "\n".join(header + src) + "\n"


def main():
    for old in os.listdir(HERE):
        if old.endswith(".mt"):
            os.remove(os.path.join(HERE, old))
    n = 0
    for block, entry, arrival, nested, raises in itertools.product(
            ["finally", "with"], ["normal", "error", "kill"],
            ["blocked", "runnable", "in_transit", "twice"], [False, True], [False, True]):
        if entry == "kill" and arrival != "blocked":
            continue  # for entry=kill the arrival is fixed (see above)
        name = f"{block}_{entry}_{arrival if entry != 'kill' else 'in_body'}"
        name += ("_nested" if nested else "") + ("_raises" if raises else "") + ".mt"
        with open(os.path.join(HERE, name), "w") as f:
            f.write(program(block, entry, arrival, nested, raises))
        n += 1
    print(f"wrote {n} tests")


if __name__ == "__main__":
    main()
