# helper module for builtins/type_names
let x = 1
