# A connection that becomes garbage is closed by the collector: its peer reads the end.
# GC_STRESS: skip
#> peer read "" after the collection
import net
let server = net.listen("127.0.0.1", 0)
def forget():
    net.connect("127.0.0.1", server.port)
forget()
let c = server.accept()
gc()
print("peer read", repr(c.readline()), "after the collection")
