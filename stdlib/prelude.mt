# prelude.mt — the parts of the standard library written in Mt itself.
#
# These run callbacks (a map function, a sort key, a user str method): written in Mt,
# they may yield or block like any Mt code, so no C function ever waits for Mt code.
# Names starting with "_" are helpers that natives call; the others become builtins.

def map(f, xs):
    let out = []
    for x in xs:
        out.append(f(x))
    return out

def filter(f, xs):
    let out = []
    for x in xs:
        if f(x):
            out.append(x)
    return out

def sorted(xs, key=nil, reverse=false):
    let out = _list(xs)
    out.sort(key=key, reverse=reverse)
    return out

def enumerate(xs, start=0):
    let out = []
    let i = start
    for x in xs:
        out.append((i, x))
        i += 1
    return out

def zip(a, b):
    let xs = _list(a)
    let ys = _list(b)
    let out = []
    let n = len(xs)
    if len(ys) < n:
        n = len(ys)
    let i = 0
    while i < n:
        out.append((xs[i], ys[i]))
        i += 1
    return out

def any(xs):
    for x in xs:
        if x:
            return true
    return false

def all(xs):
    for x in xs:
        if not x:
            return false
    return true

def reversed(xs):
    let out = _list(xs)
    out.reverse()
    return out

def _list(xs):
    let out = []
    for x in xs:
        out.append(x)
    return out

def _tuple(xs):
    return _to_tuple(_list(xs))

def _sort_key(xs, key, reverse):
    let items = _take(xs)
    let keys = []
    let sorted_items = nil
    try:
        for x in items:
            keys.append(key(x))
        sorted_items = _sort_pairs(items, keys, reverse)
    finally:
        if sorted_items == nil and len(xs) == 0:
            _put_back(xs, items)
    _put_back(xs, sorted_items)

def _msort(items, keys, reverse):
    # A stable merge sort of items by keys with `<` written in Mt, for keys that are
    # instances whose `<` method is Mt code (SPEC 5.9).
    let n = len(items)
    let idx = _list(range(n))
    let tmp = _list(idx)
    let width = 1
    while width < n:
        let lo = 0
        while lo < n:
            let mid = lo + width
            if mid > n:
                mid = n
            let hi = lo + 2 * width
            if hi > n:
                hi = n
            let a = lo
            let b = mid
            let k = lo
            while a < mid and b < hi:
                let first = false
                if reverse:
                    first = keys[idx[a]] < keys[idx[b]]
                else:
                    first = keys[idx[b]] < keys[idx[a]]
                if first:
                    tmp[k] = idx[b]
                    b += 1
                else:
                    tmp[k] = idx[a]
                    a += 1
                k += 1
            while a < mid:
                tmp[k] = idx[a]
                a += 1
                k += 1
            while b < hi:
                tmp[k] = idx[b]
                b += 1
                k += 1
            lo = hi
        let t = idx
        idx = tmp
        tmp = t
        width *= 2
    let out = []
    for i in idx:
        out.append(items[i])
    return out

def _sort_lt(xs, reverse):
    let items = _take(xs)
    let sorted_items = nil
    try:
        sorted_items = _msort(items, items, reverse)
    finally:
        if sorted_items == nil and len(xs) == 0:
            _put_back(xs, items)
    _put_back(xs, sorted_items)

def _extreme(xs, want_max):
    # min/max when some item is an instance: compared with `<` (max: the first of the
    # largest, as for numbers).
    let best = xs[0]
    for x in xs[1:]:
        if want_max:
            if best < x:
                best = x
        elif x < best:
            best = x
    return best

def _map_key(m, k):
    # [the key of m equal to k, k's hash] for a key whose class has a hash method (SPEC
    # 3.12): the map itself cannot call Mt code.
    let h = k.hash()
    if type(h) != "int":
        raise TypeError("hash() returned " + type(h) + ", not int")
    for c in _map_hashed(m, h):
        if c == k:
            return [c, h]
    return [k, h]

def _hash_method(v):
    # hash(v) for an instance with a hash method: the hash of the int it returns.
    let h = v.hash()
    if type(h) != "int":
        raise TypeError("hash() returned " + type(h) + ", not int")
    return hash(h)

def _map_get(m, k):
    let p = _map_key(m, k)
    let v = _map_at(m, p[0], p[1], _map_key)
    if _same(v, _map_key):
        raise KeyError(repr(k))
    return v

def _map_set(m, k, v):
    let p = _map_key(m, k)
    _map_put(m, p[0], p[1], v)

def _map_has(m, k):
    let p = _map_key(m, k)
    return not _same(_map_at(m, p[0], p[1], _map_key), _map_key)

def _extend(xs, more):
    for x in more:
        xs.append(x)

def _join(sep, xs):
    return sep.join(_list(xs))

def _bytes(xs):
    return bytes(_list(xs))

def _min(xs):
    return min(_list(xs))

def _max(xs):
    return max(_list(xs))

def _sum(xs, start):
    let total = start
    for x in xs:
        total = total + x
    return total

def _repr(v, seen=nil):
    if seen == nil:
        seen = []
    if _kind(v) == 1:
        for s in seen:
            if _same(s, v):
                return "[...]"
        seen.append(v)
        let parts = []
        for x in v:
            parts.append(_repr(x, seen))
        seen.pop()
        return "[" + ", ".join(parts) + "]"
    if _kind(v) == 2:
        for s in seen:
            if _same(s, v):
                return "{...}"
        seen.append(v)
        let parts = []
        for k in v:
            parts.append(_repr(k, seen) + ": " + _repr(v[k], seen))
        seen.pop()
        return "{" + ", ".join(parts) + "}"
    let k = _kind(v)
    if (k == 4 or k == 5) and len(v) > 0:
        let parts = []
        for x in v:
            parts.append(_repr(x, seen))
        if k == 5:
            return "frozenset({" + ", ".join(parts) + "})"
        return "{" + ", ".join(parts) + "}"
    if k == 6:
        let parts = []
        for x in v:
            parts.append(_repr(x, seen))
        if len(parts) == 1:
            return "(" + parts[0] + ",)"
        return "(" + ", ".join(parts) + ")"
    return repr(v)

def _str(v):
    let k = _kind(v)
    if k == 1 or k == 2 or k == 4 or k == 5 or k == 6:
        return _repr(v)
    return str(v)

def _set(xs, frozen):
    let s = set(_list(xs))
    if frozen:
        return frozenset(s)
    return s

def _set_call(method, xs):
    return method(_list(xs))

def _call_text(obj, method, what):
    let s = method(obj)
    if _kind(s) != 3:
        raise TypeError(what + "() returned " + type(s) + ", not str")
    return s

def _print(args):
    let parts = []
    for a in args:
        parts.append(_str(a))
    print(" ".join(parts))

def _co_throw(co, cls):
    # co.throw(ErrorClass): the instance is made here, since its init may be Mt code.
    return co.throw(cls())

def _close(co):
    # The body of a thread that closes a suspended coroutine at program end or for the
    # collector: a failure is reported like any thread's.
    co.close()

def input(prompt=""):
    # Reads from the stdin object, so waiting for a line suspends only this thread (a
    # native reading it would have to wait for the read as a whole).
    if prompt != nil:
        let text = str(prompt)
        if text != "":
            stdout.write(text)
    stdout.flush()
    let line = stdin.readline()
    if line == "":
        return nil
    if line.endswith("\n"):
        line = line[:-1]
        if line.endswith("\r"):
            line = line[:-1]
    return line

def _host_recv(ch, done):
    # mt_recv_async's helper thread: one receive for the host, whose callback (done) runs
    # whatever happens: the value, or closed (the channel closed, or this thread was killed).
    let ok = false
    let value = nil
    try:
        value = ch.recv()
        ok = true
    except ChannelClosed:
        pass
    finally:
        done(ok, value)

# {== Parts of native modules written in Mt ==}

def _with_list(f, xs, extra):
    # For natives that take any iterable but work on lists: f(list(xs)), or with extra.
    if extra == nil:
        return f(_list(xs))
    return f(_list(xs), extra)

def _re_sub_fn(pat, repl, s, count, with_count):
    # re.sub/subn with a function: it is called with each Match and may yield or block.
    if count < 0:
        raise ValueError("re.sub(): count must not be negative")
    let parts = []
    let last = 0
    let n = 0
    for m in pat.finditer(s):
        if count > 0 and n >= count:
            break
        let r = repl(m)
        if type(r) != "str":
            raise TypeError("re.sub(): the replacement function returned " + type(r) + ", not str")
        parts.append(s[last:m.start()])
        parts.append(r)
        last = m.end()
        n += 1
    parts.append(s[last:])
    let out = "".join(parts)
    if with_count:
        return [out, n]
    return out

def connect(host, port, timeout=nil):
    # net.connect: _net_start makes the socket and starts connecting (once), _net_finish
    # waits for it (running again after each wait); a connect that fails or is killed
    # while it waits leaves no socket open.
    let c = _net_start(host, port, timeout)
    let ok = false
    try:
        _net_finish(c)
        ok = true
    finally:
        if not ok:
            c.close()
    return c

class CompletedProcess:
    # What process.run returns.
    def init(self, argv, returncode, stdout, stderr):
        self.argv = argv
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr

def _process_feed(pipe, text):
    # Writes a child's input, then closes its stdin (its end of input); a child that exits
    # without reading it all is not an error.
    try:
        pipe.write(text)
    except ConnectionError:
        pass
    finally:
        pipe.close()

def _process_read(pipe):
    try:
        return pipe.read().decode()
    finally:
        pipe.close()

def _process_failed(r):
    let how = f"returned exit status {r.returncode}"
    if r.returncode < 0:
        how = f"was killed by signal {-r.returncode}"
    let e = ProcessError(f"command {repr(r.argv)} {how}")
    e.returncode = r.returncode
    e.stdout = r.stdout
    e.stderr = r.stderr
    return e

def run(argv, input=nil, capture=false, check=false, shell=false):
    # process.run: input is written and stdout and stderr are read by threads of their
    # own, so a child that fills one pipe while we write another cannot hang us.
    if input != nil and type(input) != "str":
        raise TypeError("run(): input must be a str or nil, not " + type(input))
    let out_mode = "pipe" if capture else nil
    let p = _process_start(argv, "pipe" if input != nil else nil, out_mode, out_mode, shell)
    let feeder = nil
    let reader = nil
    let out = nil
    let err = nil
    try:
        if input != nil:
            feeder = spawn _process_feed(p.stdin, input)
        if capture:
            reader = spawn _process_read(p.stderr)
            out = _process_read(p.stdout)
            err = reader.join()
        if feeder != nil:
            feeder.join()
        p.wait()
    finally:
        if p.returncode == nil:
            p.kill(9)
            p.wait()
        if feeder != nil:
            feeder.kill()
        if reader != nil:
            reader.kill()
    let r = CompletedProcess(argv, p.returncode, out, err)
    if check and r.returncode != 0:
        raise _process_failed(r)
    return r
