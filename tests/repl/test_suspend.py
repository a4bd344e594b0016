"""REPL: Ctrl-Z at the prompt stops the REPL with the terminal given back to the shell,
and `fg` brings it back with the prompt and the half-typed line drawn again; the line
then goes on. (Under a bash with job control: a terminal's Ctrl-Z does not stop a
process group without a shell above it.)"""
import shutil

from ptyrepl import Session, banner, mt_path

MT = mt_path()
bash = shutil.which("bash")
s = Session(bash, args=["--norc", "--noprofile", "-c", 'set -m; "$0"; fg; echo "status $?"', MT])
s.line("1 + 2")
s.expect_prompt()
s.send("4 *")
s.expect_prompt(">>> 4 *")
s.send("\x1a")
s.expect("Stopped")
s.expect_prompt(">>> 4 *")
s.send(" 5\r")
s.expect_prompt()
s.send("\x04")
s.wait_exit()
s.check(banner(MT) + """\
>>> 1 + 2
3
>>> 4 *
[1]+  Stopped                 "$0"
"$0"
>>> 4 * 5
20
>>>
status 0
""", status=0)
