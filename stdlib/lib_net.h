/*
** lib_net.h — the net module (lib_net.c): TCP servers and connections, and the pipe
** objects of child processes, which are read and written like connections.
*/
#ifndef MT_LIB_NET_H
#define MT_LIB_NET_H

#include "vm/state.h"

/* A pipe object of a child process (lib_process.c). Opaque outside lib_net.c. */
typedef struct Conn Conn;

/* Makes the net module and its classes (connection, server, pipe). Runs after the prelude
   is loaded: net.connect is written in Mt there, over two natives defined here. */
MT_INTERNAL void mtnet_open(VM *vm);

/* A new pipe object named `name` (for messages), closed until mtnet_pipe_open gives it
   its fd; stored in *out, which the caller roots. Making the objects before the fds exist
   means a failed allocation never leaves a descriptor open. */
MT_INTERNAL Conn *mtnet_pipe_new(VM *vm, String *name, Value *out);

/* Gives a pipe object its fd (non-blocking, ours alone), for reading or for writing; it
   closes the fd when it is closed or collected. Allocates nothing. */
MT_INTERNAL void mtnet_pipe_open(Conn *c, int fd, bool write);

#endif
