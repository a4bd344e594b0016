# helper module with a syntax error
let x = = 1
