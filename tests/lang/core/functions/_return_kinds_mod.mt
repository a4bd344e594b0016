# Imported by return_kinds.mt: a module whose top level returns (its frame is FRAME_MODULE).
let value = 40
