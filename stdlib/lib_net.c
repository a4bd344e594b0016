/*
** lib_net.c — the net module: TCP servers and connections over IPv4 and IPv6, and the
** pipe objects of child processes (lib_process.c), which share the connections' methods.
**
** Every socket and pipe is non-blocking and close-on-exec. An accept, read, write or
** connect that cannot finish now parks only the calling thread on its fd (poll.h) and
** returns NATIVE_RETRY; its progress lives in the object (the stream's buffer and write
** offset, the connect's state), so running the call again when the fd is ready goes on
** where it stopped. Connecting is two natives: _net_start creates the socket and starts
** the connect (once), _net_finish waits for it (as often as it must); net.connect in the
** prelude combines them. Name resolution (getaddrinfo) blocks the whole VM.
**
** Until the bytes type is on main, read(n) returns str: take_chunk and data_arg are the
** two places that change when it lands.
*/
#include "stdlib/lib_net.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

#include "stdlib/lib.h"
#include "stdlib/stream.h"
#include "vm/error.h"
#include "vm/foreign.h"
#include "vm/gc.h"
#include "vm/mem.h"
#include "vm/object.h"
#include "vm/poll.h"

#define MAX_ADDRS 16 /* addresses of one name tried by listen and connect */

/* A connection or a pipe: a stream over a non-blocking fd, and what connecting needs. */
struct Conn {
    Stream s;      /* the fd, its read-ahead buffer and a writer's progress */
    String *peer;  /* "host:port" of the other end (NULL for a pipe) */
    String *local; /* "host:port" of this end (NULL for a pipe) */
    /* While connecting: the addresses the name resolved to (a VM block), how many, and the
       next one to try when the current attempt fails. */
    struct sockaddr_storage *addrs;
    uint32_t naddrs, next;
    int last_err;    /* why the last address failed: the message if every one does */
    bool connecting; /* a non-blocking connect is under way on s.fd */
    double deadline; /* when connecting gives up (mts_now() seconds; 0: never) */
};

/* A listening socket. */
typedef struct Server {
    int fd;        /* -1 once closed */
    int port;      /* the port it listens on (the one the system picked for port 0) */
    String *local; /* "host:port" it listens on */
} Server;

static void conn_mark(VM *vm, void *payload) {
    Conn *c = payload;
    mtstream_mark(vm, &c->s);
    if (c->peer) mtgc_mark_obj(vm, &c->peer->obj);
    if (c->local) mtgc_mark_obj(vm, &c->local->obj);
}

/* A connection or pipe that becomes garbage (or is open when the VM is freed) is closed. */
static void conn_free(VM *vm, void *payload) {
    Conn *c = payload;
    mtstream_free(vm, &c->s);
    mtmem_free(vm, c->addrs, c->naddrs * sizeof *c->addrs);
    c->addrs = NULL;
}

static void server_mark(VM *vm, void *payload) {
    Server *sv = payload;
    if (sv->local) mtgc_mark_obj(vm, &sv->local->obj);
}

static void server_free(VM *vm, void *payload) {
    MT_UNUSED(vm);
    Server *sv = payload;
    if (sv->fd >= 0) close(sv->fd);
    sv->fd = -1;
}

static int conn_next(VM *vm, Value *args, int argc);

/* `case c.readable()` in select: buffered data is ready now, else the socket or pipe. */
static int conn_poll_fd(void *payload, uint32_t events) {
    Conn *c = payload;
    return mtstream_poll_fd(&c->s, events);
}

/* `case server.readable()`: a connection is waiting to be accepted. */
static int server_poll_fd(void *payload, uint32_t events) {
    Server *sv = payload;
    return sv->fd < 0 || !(events & MT_POLL_IN) ? MT_FD_NONE : sv->fd;
}

static const ForeignOps conn_ops = {.name = "connection",
                                    .size = sizeof(Conn),
                                    .mark = conn_mark,
                                    .free = conn_free,
                                    .next = conn_next,
                                    .poll_fd = conn_poll_fd};
static const ForeignOps pipe_ops = {.name = "pipe",
                                    .size = sizeof(Conn),
                                    .mark = conn_mark,
                                    .free = conn_free,
                                    .next = conn_next,
                                    .poll_fd = conn_poll_fd};
static const ForeignOps server_ops = {.name = "server",
                                      .size = sizeof(Server),
                                      .mark = server_mark,
                                      .free = server_free,
                                      .poll_fd = server_poll_fd};

/* The receiver of a stream method: a connection or a pipe (the methods are reachable only
   through such objects). */
static Conn *conn_of(Value v) {
    Conn *c = mtfo_payload(v, &conn_ops);
    return c ? c : mtfo_payload(v, &pipe_ops);
}
#define SELF conn_of(args[0])

/* {== Addresses ==} */

/* "host:port" for a socket address ("[v6]:port" for IPv6; an IPv4-mapped IPv6 address,
   which a dual-stack server sees for IPv4 clients, is shown as the IPv4 one). */
static String *addr_text(VM *vm, const struct sockaddr_storage *ss) {
    char host[INET6_ADDRSTRLEN] = "?";
    if (ss->ss_family == AF_INET) {
        const struct sockaddr_in *a = (const struct sockaddr_in *)ss;
        inet_ntop(AF_INET, &a->sin_addr, host, sizeof host);
        return mto_string_fmt(vm, "%s:%d", host, ntohs(a->sin_port));
    }
    const struct sockaddr_in6 *a = (const struct sockaddr_in6 *)ss;
    if (IN6_IS_ADDR_V4MAPPED(&a->sin6_addr)) {
        inet_ntop(AF_INET, &a->sin6_addr.s6_addr[12], host, sizeof host);
        return mto_string_fmt(vm, "%s:%d", host, ntohs(a->sin6_port));
    }
    inet_ntop(AF_INET6, &a->sin6_addr, host, sizeof host);
    return mto_string_fmt(vm, "[%s]:%d", host, ntohs(a->sin6_port));
}

static socklen_t addr_len(const struct sockaddr_storage *ss) {
    return ss->ss_family == AF_INET ? sizeof(struct sockaddr_in) : sizeof(struct sockaddr_in6);
}

/* The text of fd's own address (peer false) or its peer's. */
static String *sock_text(VM *vm, int fd, bool peer) {
    struct sockaddr_storage ss;
    socklen_t len = sizeof ss;
    memset(&ss, 0, sizeof ss);
    int r = peer ? getpeername(fd, (struct sockaddr *)&ss, &len)
                 : getsockname(fd, (struct sockaddr *)&ss, &len);
    if (r != 0) return mto_string_fmt(vm, "?");
    return addr_text(vm, &ss);
}

/* Resolves host (blocking the VM: getaddrinfo has no non-blocking form) into at most
   MAX_ADDRS addresses in out; their number, or -1 with IOError raised. */
static int resolve(VM *vm, String *host, int port, struct sockaddr_storage *out) {
    struct addrinfo hints, *res = NULL;
    memset(&hints, 0, sizeof hints);
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_NUMERICSERV;
    char service[16];
    snprintf(service, sizeof service, "%d", port);
    int r = getaddrinfo(host->chars, service, &hints, &res);
    if (r != 0) {
        const char *why = r == EAI_SYSTEM ? mte_errstr(errno) : gai_strerror(r);
        mte_throw(vm, ERR_IO, "cannot resolve '%s': %s", host->chars, why);
        return -1;
    }
    int n = 0;
    for (struct addrinfo *a = res; a && n < MAX_ADDRS; a = a->ai_next) {
        if (a->ai_family != AF_INET && a->ai_family != AF_INET6) continue;
        memset(&out[n], 0, sizeof out[n]);
        memcpy(&out[n++], a->ai_addr, a->ai_addrlen);
    }
    freeaddrinfo(res); /* before anything that may allocate (and raise MemoryError) */
    if (n == 0) mte_throw(vm, ERR_IO, "cannot resolve '%s': no IPv4 or IPv6 address", host->chars);
    return n > 0 ? n : -1;
}

/* {== Arguments ==} */

/* A host argument: a str without NUL. */
static bool host_arg(VM *vm, Value *args, const char *fn, String **out) {
    if (!mtlib_str_arg(vm, args, 1, fn, out)) return false;
    if (memchr((*out)->chars, 0, (*out)->len)) {
        mte_throw(vm, ERR_VALUE, "%s(): host contains a NUL byte", fn);
        return false;
    }
    return true;
}

/* A port argument: an int in [lo, 65535]. */
static bool port_arg(VM *vm, Value *args, const char *fn, int lo, int *out) {
    int64_t port;
    if (!mtlib_int_arg(vm, args, 2, fn, &port)) return false;
    if (port < lo || port > 65535) {
        mte_throw(vm, ERR_VALUE, "%s(): port must be %d-65535, not %lld", fn, lo, (long long)port);
        return false;
    }
    *out = (int)port;
    return true;
}

/* {== Listening ==} */

/* A socket bound to a and listening, or -1 with errno set. */
static int listen_on(const struct sockaddr_storage *a, int backlog, bool dual) {
    int fd = socket(a->ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) return -1;
    int one = 1, zero = 0;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (dual) setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &zero, sizeof zero);
    if (bind(fd, (const struct sockaddr *)a, addr_len(a)) == 0 && listen(fd, backlog) == 0)
        return fd;
    int err = errno;
    close(fd);
    errno = err;
    return -1;
}

/* The addresses "" means: every IPv6 and IPv4 interface (one dual-stack socket), or every
   IPv4 one where the system has no IPv6. */
static int any_addresses(int port, struct sockaddr_storage *out) {
    memset(out, 0, 2 * sizeof *out);
    struct sockaddr_in6 *a6 = (struct sockaddr_in6 *)&out[0];
    a6->sin6_family = AF_INET6;
    a6->sin6_addr = in6addr_any;
    a6->sin6_port = htons((uint16_t)port);
    struct sockaddr_in *a4 = (struct sockaddr_in *)&out[1];
    a4->sin_family = AF_INET;
    a4->sin_addr.s_addr = htonl(INADDR_ANY);
    a4->sin_port = htons((uint16_t)port);
    return 2;
}

/* net.listen(host, port, backlog=128): a server listening on host:port. */
static int net_listen(VM *vm, Value *args, int argc) {
    String *host;
    int port;
    int64_t backlog = 128;
    if (!host_arg(vm, args, "listen", &host) || !port_arg(vm, args, "listen", 0, &port))
        return NATIVE_ERROR;
    if (ARG_GIVEN(args, argc, 3) && !mtlib_int_arg(vm, args, 3, "listen", &backlog))
        return NATIVE_ERROR;
    if (backlog < 0 || backlog > 65535)
        return mte_throw(vm, ERR_VALUE, "listen(): backlog must be 0-65535, not %lld",
                         (long long)backlog);
    struct sockaddr_storage addrs[MAX_ADDRS];
    bool any = host->len == 0;
    int n = any ? any_addresses(port, addrs) : resolve(vm, host, port, addrs);
    if (n < 0) return NATIVE_ERROR;
    Server *sv = mtfo_new(vm, &server_ops, &args[0]); /* before the fd: no leak if it fails */
    sv->fd = -1;
    int err = 0;
    for (int i = 0; i < n && sv->fd < 0; i++) {
        sv->fd = listen_on(&addrs[i], (int)backlog, any && addrs[i].ss_family == AF_INET6);
        if (sv->fd < 0) err = errno;
    }
    if (sv->fd < 0)
        return mte_throw(vm, ERR_IO, "cannot listen on %s:%d: %s", any ? "*" : host->chars, port,
                         mte_errstr(err));
    struct sockaddr_storage ss;
    socklen_t len = sizeof ss;
    memset(&ss, 0, sizeof ss);
    getsockname(sv->fd, (struct sockaddr *)&ss, &len);
    sv->port = ntohs(ss.ss_family == AF_INET ? ((struct sockaddr_in *)&ss)->sin_port
                                             : ((struct sockaddr_in6 *)&ss)->sin6_port);
    sv->local = addr_text(vm, &ss);
    return NATIVE_OK;
}

/* Parks the running thread until fd is ready: the native's NATIVE_RETRY (or the error of
   an exit that was due instead). */
static int park(VM *vm, int fd, uint32_t events) {
    return mtpoll_park(vm, vm->current, fd, events) == STEP_ERROR ? NATIVE_ERROR : NATIVE_RETRY;
}

/* Makes c a connection over the connected socket fd: its flags, and no Nagle delay (small
   request/response messages go out at once, as Go and Python's asyncio do). */
static void established(VM *vm, Conn *c, int fd) {
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    c->s.fd = fd;
    c->s.flags =
        STREAM_READ | STREAM_WRITE | STREAM_POLL | STREAM_NONBLOCK | STREAM_SOCKET | STREAM_OWN_FD;
    c->connecting = false;
    c->peer = sock_text(vm, fd, true);
    c->s.name = c->peer;
    c->local = sock_text(vm, fd, false);
}

/* Makes a closed connection object in *out (rooted by the caller). */
static Conn *new_conn(VM *vm, const ForeignOps *ops, Value *out) {
    Conn *c = mtfo_new(vm, ops, out);
    c->s.fd = -1;
    c->s.flags = STREAM_CLOSED;
    return c;
}

/* server.accept(): the next connection; waits (only this thread) until a client comes. */
static int server_accept(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    Server *sv = mtfo_payload(args[0], &server_ops);
    if (sv->fd < 0) return mte_throw(vm, ERR_IO, "accept() on a closed server");
    Value v;
    Conn *c = new_conn(vm, &conn_ops, &v); /* before the fd: no leak if it fails */
    mtgc_push_temp(vm, v);
    for (;;) {
        int fd = accept4(sv->fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd >= 0) {
            established(vm, c, fd);
            mtgc_pop_temp(vm, 1);
            RETURN(v);
        }
        if (errno == EINTR || errno == ECONNABORTED || errno == EPROTO) continue;
        mtgc_pop_temp(vm, 1);
        if (errno == EAGAIN || errno == EWOULDBLOCK) return park(vm, sv->fd, MT_POLL_IN);
        return mte_throw(vm, ERR_IO, "accept() on %s: %s", sv->local->chars, mte_errstr(errno));
    }
}

static int server_close(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    Server *sv = mtfo_payload(args[0], &server_ops);
    if (sv->fd >= 0) {
        mtpoll_wake_fd(vm, sv->fd); /* a thread in accept() sees the close */
        close(sv->fd);
        sv->fd = -1;
    }
    RETURN(NIL_VAL);
}

static int server_port(VM *vm, Value *args, int argc) {
    MT_UNUSED(vm);
    MT_UNUSED(argc);
    RETURN(SMALLINT_VAL(((Server *)mtfo_payload(args[0], &server_ops))->port));
}

static int server_local(VM *vm, Value *args, int argc) {
    MT_UNUSED(vm);
    MT_UNUSED(argc);
    RETURN(OBJ_VAL(((Server *)mtfo_payload(args[0], &server_ops))->local));
}

static int server_closed(VM *vm, Value *args, int argc) {
    MT_UNUSED(vm);
    MT_UNUSED(argc);
    RETURN(BOOL_VAL(((Server *)mtfo_payload(args[0], &server_ops))->fd < 0));
}

/* {== Connecting ==} */

/* Starts a non-blocking connect to the next address not tried yet: true once one is under
   way (or done); false when none is left (c->last_err says why the last one failed). */
static bool start_next(Conn *c) {
    while (c->next < c->naddrs) {
        const struct sockaddr_storage *a = &c->addrs[c->next++];
        int fd = socket(a->ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        if (fd < 0) {
            c->last_err = errno;
            continue;
        }
        int r = connect(fd, (const struct sockaddr *)a, addr_len(a));
        if (r == 0 || errno == EINPROGRESS || errno == EINTR) { /* EINTR: it goes on */
            c->s.fd = fd;
            c->s.flags = STREAM_OWN_FD | STREAM_CLOSED; /* closed to methods until connected */
            c->connecting = true;
            return true;
        }
        c->last_err = errno;
        close(fd);
    }
    return false;
}

/* Closes the socket of a failed attempt. */
static void drop_attempt(Conn *c) {
    if (c->s.fd >= 0) close(c->s.fd);
    c->s.fd = -1;
    c->connecting = false;
}

/* Raises the error of a connect whose every address failed. */
static int connect_failed(VM *vm, Conn *c) {
    ErrorKind kind = c->last_err == ETIMEDOUT ? ERR_TIMEOUT
                     : c->last_err == ECONNREFUSED || c->last_err == ECONNRESET ||
                             c->last_err == ENETUNREACH || c->last_err == EHOSTUNREACH
                         ? ERR_CONNECTION
                         : ERR_IO;
    return mte_throw(vm, kind, "cannot connect to %s: %s", c->s.name->chars,
                     mte_errstr(c->last_err));
}

/* A connect's timeout argument: nil (none) or a number >= 0; -1 for none. */
static bool timeout_arg(VM *vm, Value *args, int argc, int i, const char *fn, double *out) {
    *out = -1;
    if (!ARG_GIVEN(args, argc, i) || IS_NIL(args[i])) return true;
    if (!IS_NUMBER(args[i])) {
        mtlib_type_error(vm, fn, i, "a number or nil", args[i]);
        return false;
    }
    *out = AS_NUMBER(args[i]);
    if (!(*out >= 0)) {
        mte_throw(vm, ERR_VALUE, "%s(): timeout must be a number >= 0", fn);
        return false;
    }
    return true;
}

/* _net_start(host, port, timeout): resolves host, makes the connection object and starts
   connecting to the first address; _net_finish waits for it. Runs once per connect. */
static int net_start(VM *vm, Value *args, int argc) {
    String *host;
    int port;
    double timeout;
    if (!host_arg(vm, args, "connect", &host) || !port_arg(vm, args, "connect", 1, &port) ||
        !timeout_arg(vm, args, argc, 3, "connect", &timeout))
        return NATIVE_ERROR;
    struct sockaddr_storage addrs[MAX_ADDRS];
    int n = resolve(vm, host, port, addrs);
    if (n < 0) return NATIVE_ERROR;
    Value v;
    Conn *c = new_conn(vm, &conn_ops, &v);
    mtgc_push_temp(vm, v);
    bool v6 = strchr(host->chars, ':') != NULL;
    c->s.name = mto_string_fmt(vm, v6 ? "[%s]:%d" : "%s:%d", host->chars, port);
    c->addrs = mtmem_alloc(vm, (size_t)n * sizeof *c->addrs);
    memcpy(c->addrs, addrs, (size_t)n * sizeof *c->addrs);
    c->naddrs = (uint32_t)n;
    c->deadline = timeout < 0 ? 0 : mts_now() + (timeout > 1e9 ? 1e9 : timeout);
    mtgc_pop_temp(vm, 1);
    args[0] = v;
    if (!start_next(c)) return connect_failed(vm, c);
    return NATIVE_OK;
}

/* _net_finish(conn): waits (only this thread) until the connect _net_start began is done,
   trying the next address when one fails; returns the connection. Runs again after each
   wait: its progress is in the object. */
static int net_finish(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    Conn *c = mtfo_payload(args[1], &conn_ops);
    while (c && c->connecting) {
        if (!mtpoll_ready(c->s.fd, MT_POLL_OUT)) {
            if (c->deadline > 0 && mts_now() >= c->deadline) {
                drop_attempt(c);
                return mte_throw(vm, ERR_TIMEOUT, "cannot connect to %s: timed out",
                                 c->s.name->chars);
            }
            Step st = c->deadline > 0
                          ? mtpoll_park_until(vm, vm->current, c->s.fd, MT_POLL_OUT, c->deadline)
                          : mtpoll_park(vm, vm->current, c->s.fd, MT_POLL_OUT);
            return st == STEP_ERROR ? NATIVE_ERROR : NATIVE_RETRY;
        }
        int err = 0;
        socklen_t len = sizeof err;
        if (getsockopt(c->s.fd, SOL_SOCKET, SO_ERROR, &err, &len) != 0) err = errno;
        if (err == 0) {
            established(vm, c, c->s.fd);
            break;
        }
        c->last_err = err;
        drop_attempt(c);
        if (!start_next(c)) return connect_failed(vm, c);
    }
    if (c) {
        mtmem_free(vm, c->addrs, c->naddrs * sizeof *c->addrs);
        c->addrs = NULL;
        c->naddrs = c->next = 0;
    }
    RETURN(args[1]);
}

/* {== Reading and writing ==} */

/* Raises IOError unless c is open (and open for writing, or for reading). */
static bool check_open(VM *vm, Value self, Conn *c, const char *what, bool write) {
    const char *kind = mtv_type_name(self);
    if (c->s.flags & STREAM_CLOSED) {
        mte_throw(vm, ERR_IO, "%s() on a closed %s", what, kind);
        return false;
    }
    if (!(c->s.flags & (write ? STREAM_WRITE : STREAM_READ))) {
        mte_throw(vm, ERR_IO, "%s() on a pipe open only for %s", what,
                  write ? "reading" : "writing");
        return false;
    }
    return true;
}

/* conn.read(n=nil): up to n bytes (a bytes), as soon as some are there; b"" at the end.
   Without n: everything until the end. Bytes, not str: a read of n bytes may end inside a
   character (readline and `for line in conn` give str lines). */
static int conn_read(VM *vm, Value *args, int argc) {
    Conn *c = SELF;
    int64_t n = -1;
    if (ARG_GIVEN(args, argc, 1) && !IS_NIL(args[1])) {
        if (!mtlib_int_arg(vm, args, 1, "read", &n)) return NATIVE_ERROR;
        if (n < 1)
            return mte_throw(vm, ERR_VALUE, "read(): n must be at least 1, not %lld", (long long)n);
    }
    if (!check_open(vm, args[0], c, "read", false)) return NATIVE_ERROR;
    size_t avail;
    int r = mtstream_fill_to(vm, &c->s, n < 0 ? SIZE_MAX : 1, &avail);
    if (r != NATIVE_OK) return r;
    Value out;
    r = mtstream_take_bytes(vm, &c->s, n >= 0 && (size_t)n < avail ? (size_t)n : avail, &out);
    if (r != NATIVE_OK) return r;
    RETURN(out);
}

/* conn.readline(): the next line with its "\n" (the last may lack it), "" at the end. */
static int conn_readline(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    Conn *c = SELF;
    if (!check_open(vm, args[0], c, "readline", false)) return NATIVE_ERROR;
    Value out;
    int r = mtstream_readline(vm, &c->s, &out);
    if (r != NATIVE_OK) return r;
    RETURN(out);
}

/* `for line in conn`: the lines, until the end. */
static int conn_next(VM *vm, Value *args, int argc) {
    int r = conn_readline(vm, args, argc);
    if (r == NATIVE_OK && AS_STRING(args[0])->len == 0) return NATIVE_END;
    return r;
}

/* What write() accepts: a str (written as UTF-8) or bytes. */
static bool data_arg(VM *vm, Value *args, const char **p, size_t *n) {
    if (IS_BYTES(args[1])) {
        *p = (const char *)AS_BYTES(args[1])->data;
        *n = AS_BYTES(args[1])->len;
        return true;
    }
    if (!IS_STRING(args[1])) {
        mte_throw(vm, ERR_TYPE, "write() argument 1 must be str or bytes, not %s",
                  mtv_type_name(args[1]));
        return false;
    }
    *p = AS_STRING(args[1])->chars;
    *n = AS_STRING(args[1])->len;
    return true;
}

/* conn.write(data): returns (nil) once all of it is written; waits (only this thread)
   while the peer is not reading. */
static int conn_write(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    Conn *c = SELF;
    const char *p;
    size_t n;
    if (!data_arg(vm, args, &p, &n) || !check_open(vm, args[0], c, "write", true))
        return NATIVE_ERROR;
    int r = mtstream_write(vm, &c->s, p, n);
    if (r != NATIVE_OK) return r;
    RETURN(NIL_VAL);
}

static int conn_close(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    Conn *c = SELF;
    if (!(c->s.flags & STREAM_CLOSED) && c->s.fd >= 0)
        mtpoll_wake_fd(vm, c->s.fd); /* threads waiting on it see the close */
    int r = mtstream_close(vm, &c->s);
    if (r != NATIVE_OK) return r;
    RETURN(NIL_VAL);
}

static int conn_enter(VM *vm, Value *args, int argc) {
    MT_UNUSED(vm);
    MT_UNUSED(args);
    MT_UNUSED(argc);
    return NATIVE_OK; /* the object itself */
}

/* `with`: closes; never suppresses the error in flight. (Shared by servers.) */
static int conn_exit(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    int r =
        mtfo_payload(args[0], &server_ops) ? server_close(vm, args, 0) : conn_close(vm, args, 0);
    if (r != NATIVE_OK) return r;
    RETURN(NIL_VAL);
}

static int conn_closed(VM *vm, Value *args, int argc) {
    MT_UNUSED(vm);
    MT_UNUSED(argc);
    RETURN(BOOL_VAL((SELF->s.flags & STREAM_CLOSED) != 0));
}

static int conn_peer(VM *vm, Value *args, int argc) {
    MT_UNUSED(vm);
    MT_UNUSED(argc);
    Conn *c = SELF;
    RETURN(c->peer ? OBJ_VAL(c->peer) : NIL_VAL);
}

static int conn_local(VM *vm, Value *args, int argc) {
    MT_UNUSED(vm);
    MT_UNUSED(argc);
    Conn *c = SELF;
    RETURN(c->local ? OBJ_VAL(c->local) : NIL_VAL);
}

/* {== Pipes (lib_process.c) ==} */

Conn *mtnet_pipe_new(VM *vm, String *name, Value *out) {
    Conn *c = new_conn(vm, &pipe_ops, out);
    c->s.name = name;
    return c;
}

void mtnet_pipe_open(Conn *c, int fd, bool write) {
    c->s.fd = fd;
    c->s.flags =
        (write ? STREAM_WRITE : STREAM_READ) | STREAM_POLL | STREAM_NONBLOCK | STREAM_OWN_FD;
}

/* {== Registration ==} */

static const char *const p_listen[] = {"host", "port", "backlog", NULL};

static const LibReg net_lib[] = {
    {"listen", net_listen, 2, 3, p_listen, false},
    {NULL, NULL, 0, 0, NULL, false},
};

/* What the prelude's net.connect is written over. */
static const LibReg prelude_natives[] = {
    {"_net_start", net_start, 3, 3, NULL, false},
    {"_net_finish", net_finish, 1, 1, NULL, false},
    {NULL, NULL, 0, 0, NULL, false},
};

/* The methods of pipes; connections have these and conn_only. */
static const LibReg stream_methods[] = {
    {"read", conn_read, 0, 1, NULL, false},    {"readline", conn_readline, 0, 0, NULL, false},
    {"write", conn_write, 1, 1, NULL, false},  {"close", conn_close, 0, 0, NULL, false},
    {"enter", conn_enter, 0, 0, NULL, false},  {"exit", conn_exit, 0, 1, NULL, false},
    {"closed", conn_closed, 0, 0, NULL, true}, {NULL, NULL, 0, 0, NULL, false},
};

static const LibReg conn_only[] = {
    {"peer", conn_peer, 0, 0, NULL, true},
    {"local", conn_local, 0, 0, NULL, true},
    {NULL, NULL, 0, 0, NULL, false},
};

static const LibReg server_methods[] = {
    {"accept", server_accept, 0, 0, NULL, false}, {"close", server_close, 0, 0, NULL, false},
    {"enter", conn_enter, 0, 0, NULL, false},     {"exit", conn_exit, 0, 1, NULL, false},
    {"port", server_port, 0, 0, NULL, true},      {"local", server_local, 0, 0, NULL, true},
    {"closed", server_closed, 0, 0, NULL, true},  {NULL, NULL, 0, 0, NULL, false},
};

/* Makes the net module on its first import. */
static int open_net(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    Module *m = mtlib_native_module(vm, "net", net_lib, NIL_VAL);
    mtgc_push_temp(vm, OBJ_VAL(m));
    mtlib_module_set(vm, m, "connect", mtlib_prelude(vm, "connect"));
    mtgc_pop_temp(vm, 1);
    return mtlib_module_ready(vm, args, m);
}

void mtnet_open(VM *vm) {
    Class *k = mtfo_new_class(vm, &conn_ops);
    mtlib_register_class_methods(vm, k, stream_methods);
    mtlib_register_class_methods(vm, k, conn_only);
    mtlib_register_class_methods(vm, mtfo_new_class(vm, &pipe_ops), stream_methods);
    mtlib_register_class_methods(vm, mtfo_new_class(vm, &server_ops), server_methods);
    mtlib_define_in_module(vm, vm->prelude, prelude_natives);
    mtlib_lazy_module(vm, "net", open_net);
}
