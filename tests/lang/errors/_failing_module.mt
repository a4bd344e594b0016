# helper module for errors/traceback_module.mt: raises while loading
let x = 1
raise ValueError("module failed")
