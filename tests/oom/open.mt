# The smallest program: the failure points are those of opening the VM (run with --open).
print("ok")
