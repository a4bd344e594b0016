-- loop: sum of i for i in range(n) with n = 100,000,000 (sum passes 2^47).
local function sum_to(n)
  local s = 0
  for i = 0, n - 1 do
    s = s + i
  end
  return s
end

local n = tonumber(arg[1]) or 100000000
print(string.format("%d", sum_to(n)))  -- %d: LuaJIT prints 5e15 as 4.99999995e+15
