-- maps_top: maps.lua written at the chunk's top level, without the wrapping function
-- (top-level locals). Same output as maps.
local n = tonumber(arg[1]) or 1000000
local m = {}
for i = 0, n - 1 do
  m[i * 7] = i
end
local s = 0
for i = 0, n - 1 do
  s = s + m[((i * 13) % n) * 7]
end
local size = 0                -- len(m): Lua has no O(1) count of hash keys
for _ in pairs(m) do size = size + 1 end
print(size .. " " .. s)
