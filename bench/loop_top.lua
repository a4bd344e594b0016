-- loop_top: loop.lua written at the chunk's top level, without the wrapping function
-- (top-level locals, as a Lua script is written). Same output as loop.
local n = tonumber(arg[1]) or 100000000
local s = 0
for i = 0, n - 1 do
  s = s + i
end
print(string.format("%d", s))  -- %d: LuaJIT prints 5e15 as 4.99999995e+15
