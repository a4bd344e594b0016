# helper module that raises while loading
let x = 1
raise ValueError("module failed")
