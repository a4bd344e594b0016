"""ptyrepl.py - drives `mt` through a real pseudo-terminal for the REPL tests.

A test starts the REPL with Session(mt), sends keys, and waits for text to appear on the
screen (never for a fixed time). The output goes through a small terminal emulator, so a
test compares what a user would see (the prompt redrawn after a thread's output, a line
edited in place) rather than the escape sequences readline chose to get there. Timeouts
grow with $TIMEOUT_SCALE (slow builds: sanitizers, GC stress).
"""
import codecs
import os
import pty
import re
import select
import signal
import struct
import sys
import tempfile
import time

# ctest counts this exit status as "skipped" (SKIP_RETURN_CODE in tests/CMakeLists.txt).
SKIP = 77


def _require_pty():
    """Skip (not fail) where no pseudo-terminal can be made: a chroot or container whose
    /dev has no devpts mounted. Everything else about the REPL is tested there by
    tests/cli/repl_pipe.sh."""
    try:
        master, slave = os.openpty()
    except OSError as e:
        print(f"SKIP: no pseudo-terminal here ({e})")
        sys.exit(SKIP)
    os.close(master)
    os.close(slave)


_require_pty()

try:
    import fcntl
    import termios
except ImportError:  # pragma: no cover
    fcntl = termios = None

SCALE = float(os.environ.get("TIMEOUT_SCALE", "1") or "1")
TIMEOUT = 10.0 * SCALE
COLS, ROWS = 200, 50


class Screen:
    """The text a terminal shows: lines without a bottom (nothing scrolls away)."""

    def __init__(self, cols=COLS):
        self.cols = cols
        self.lines = [[]]
        self.row = 0
        self.col = 0
        self.pending = ""
        self.decoder = codecs.getincrementaldecoder("utf-8")("replace")

    def _line(self):
        while len(self.lines) <= self.row:
            self.lines.append([])
        line = self.lines[self.row]
        while len(line) < self.col:
            line.append(" ")
        return line

    def _put(self, ch):
        if self.col >= self.cols:
            self.row += 1
            self.col = 0
        line = self._line()
        if self.col < len(line):
            line[self.col] = ch
        else:
            line.append(ch)
        self.col += 1

    def feed(self, data):
        self.pending += self.decoder.decode(data)
        s = self.pending
        i = 0
        while i < len(s):
            ch = s[i]
            if ch == "\x1b":
                m = re.match(r"\x1b\[([?>=]?)([0-9;]*)([@-~])", s[i:])
                if m:
                    self._csi(m.group(1), m.group(2), m.group(3))
                    i += m.end()
                    continue
                m = re.match(r"\x1b\][^\x07\x1b]*(\x07|\x1b\\)", s[i:])
                if m:
                    i += m.end()
                    continue
                if len(s) - i < 2 or (s[i + 1] in "[]" and not re.search(r"[@-~\x07]", s[i + 2:])):
                    break  # incomplete: wait for more
                i += 2  # ESC = / ESC > and other two-byte sequences
                continue
            if ch == "\r":
                self.col = 0
            elif ch == "\n":
                self.row += 1
                self._line()
            elif ch == "\b":
                self.col = max(0, self.col - 1)
            elif ch == "\t":
                self.col = (self.col // 8 + 1) * 8
            elif ch == "\x07":
                pass
            elif ord(ch) >= 32:
                self._put(ch)
            i += 1
        self.pending = s[i:]

    def _csi(self, private, params, final):
        nums = [int(p) if p else 0 for p in params.split(";")] if params else []
        n = nums[0] if nums and nums[0] else 1
        if private:
            return  # modes (?2004h bracketed paste, ?1034h meta ...)
        if final == "A":
            self.row = max(0, self.row - n)
        elif final == "B":
            self.row += n
        elif final == "C":
            self.col += n
        elif final == "D":
            self.col = max(0, self.col - n)
        elif final == "G":
            self.col = n - 1
        elif final == "K":
            line = self._line()
            mode = nums[0] if nums else 0
            if mode == 0:
                del line[self.col:]
            elif mode == 1:
                for k in range(min(self.col + 1, len(line))):
                    line[k] = " "
            else:
                del line[:]
        elif final == "J":
            mode = nums[0] if nums else 0
            if mode == 0:
                del self._line()[self.col:]
                del self.lines[self.row + 1:]
        elif final == "@":
            line = self._line()
            line[self.col:self.col] = [" "] * n
        elif final == "P":
            line = self._line()
            del line[self.col:self.col + n]
        elif final == "X":
            line = self._line()
            for k in range(self.col, min(self.col + n, len(line))):
                line[k] = " "
        # m (colours), H (home) and the rest do not change the text

    def text(self):
        out = ["".join(l).rstrip() for l in self.lines]
        while out and out[-1] == "":
            out.pop()
        return "\n".join(out) + "\n"

    def cursor_line(self):
        line = self.lines[self.row] if self.row < len(self.lines) else []
        return "".join(line)


class Session:
    """`mt` (or `mt ARGS`) on a pseudo-terminal, in a fresh directory with its own HOME,
    history file and an empty inputrc."""

    def __init__(self, mt, args=(), cwd=None, env=None, history=None):
        self.dir = cwd or tempfile.mkdtemp(prefix="mt-repl-")
        self.history = history or os.path.join(self.dir, "history")
        inputrc = os.path.join(self.dir, "inputrc")
        if not os.path.exists(inputrc):
            open(inputrc, "w").close()
        e = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": self.dir,
            "TERM": "xterm",
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
            "INPUTRC": inputrc,
            "MT_HISTORY": self.history,
        }
        for k in ("MT_GC_STRESS", "ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"):
            if k in os.environ:
                e[k] = os.environ[k]
        if env:
            e.update(env)
        self.screen = Screen()
        self.mark = 0
        self.min_row = 0
        self.status = None
        self.raw = b""
        pid, fd = pty.fork()
        if pid == 0:
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
                os.chdir(self.dir)
                os.execve(mt, [mt] + list(args), e)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd

    # {== reading ==}

    def _pump(self, timeout):
        r, _, _ = select.select([self.fd], [], [], timeout)
        if not r:
            return True
        try:
            data = os.read(self.fd, 65536)
        except OSError:
            data = b""
        if not data:
            return False
        self.raw += data
        self.screen.feed(data)
        return True

    def _wait(self, cond, what, timeout=None):
        deadline = time.monotonic() + (timeout or TIMEOUT)
        while True:
            if cond():
                return
            left = deadline - time.monotonic()
            if left <= 0:
                self.fail("timed out waiting for %s" % what)
            if not self._pump(min(left, 0.05)):
                if cond():
                    return
                self.fail("the REPL ended while waiting for %s" % what)

    def expect(self, text, timeout=None):
        """Waits until `text` appears on the screen below the last match."""
        def found():
            # Up to the cursor: "done\n" is only found once the cursor left that line.
            lines = ["".join(l).rstrip() for l in self.screen.lines[:self.screen.row + 1]]
            tail = "\n".join(lines[self.mark:])
            k = tail.find(text)
            if k < 0:
                return False
            self.mark += tail[:k + len(text)].count("\n")
            return True
        self._wait(found, repr(text), timeout)

    def expect_prompt(self, line=">>> ", col=None, timeout=None):
        """Waits until the cursor's line is exactly `line` (a prompt and what follows) with
        the cursor at column `col` (default: at its end)."""
        want = len(line) if col is None else col
        def at():
            return (self.screen.row >= self.min_row and self.screen.cursor_line() == line and
                    self.screen.col == want)
        self._wait(at, "the line %r (cursor at %d)" % (line, want), timeout)
        self.mark = self.screen.row

    def send(self, keys):
        """Sends keys. After Enter, the next prompt is looked for below the line it ended
        (the one still on the screen until the terminal echoes the keys is not it)."""
        if isinstance(keys, str):
            keys = keys.encode()
        if b"\r" in keys:
            self.min_row = self.screen.row + 1
        os.write(self.fd, keys)

    def line(self, text, prompt=">>> "):
        """Types a line (after waiting for its prompt) and Enter."""
        self.expect_prompt(prompt)
        self.send(text + "\r")

    def wait_exit(self, timeout=None):
        deadline = time.monotonic() + (timeout or TIMEOUT)
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                self.fail("timed out waiting for the REPL to exit")
            if not self._pump(min(left, 0.05)):
                break
        while True:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                self.fail("the REPL closed its terminal but did not exit")
            time.sleep(0.01)
        self.status = os.waitstatus_to_exitcode(status)
        return self.status

    def text(self):
        return self.screen.text()

    def fail(self, why):
        sys.stderr.write("FAIL: %s\n--- screen ---\n%s--- raw ---\n%r\n" % (why, self.screen.text(), self.raw[-3000:]))
        try:
            os.kill(self.pid, signal.SIGKILL)
        except OSError:
            pass
        sys.exit(1)

    def check(self, expected, status=None):
        """The whole screen is exactly `expected` (and the exit status, if given)."""
        got = self.screen.text()
        if got != expected:
            import difflib
            diff = "".join(difflib.unified_diff(expected.splitlines(True), got.splitlines(True), "expected", "screen"))
            self.fail("the screen differs:\n" + diff)
        if status is not None and self.status != status:
            self.fail("exit status %r, expected %r" % (self.status, status))


def banner(mt):
    """The REPL's first line, for the version `mt --version` prints."""
    import subprocess
    version = subprocess.run([mt, "--version"], capture_output=True, text=True).stdout.split()[-1]
    return "mt %s  |  help() for help  |  Ctrl-D or exit() to leave\n" % version


def mt_path():
    if len(sys.argv) < 2:
        sys.exit("usage: %s path/to/mt" % sys.argv[0])
    return os.path.abspath(sys.argv[1])
