-- binarytrees: the benchmarks-game binary-trees (allocation + GC + recursion).
-- A node is a table {left, right}; a leaf is {}.

-- Runs under Lua 5.4 and LuaJIT (Lua 5.1, no `<<`): 2^k is `1 << k` in 5.4, bit.lshift
-- in LuaJIT (called once per depth, not in the hot path).
local pow2 = bit and function(k) return bit.lshift(1, k) end
  or load("return function(k) return 1 << k end")()
local function make(depth)
  if depth == 0 then return {} end
  return { make(depth - 1), make(depth - 1) }
end

local function check(t)
  if t[1] == nil then return 1 end
  return 1 + check(t[1]) + check(t[2])
end

local function main(n)
  local min_depth = 4
  local max_depth = n
  if min_depth + 2 > n then max_depth = min_depth + 2 end
  local stretch = max_depth + 1
  print(string.format("stretch tree of depth %d check: %d", stretch, check(make(stretch))))
  local long_lived = make(max_depth)
  local d = min_depth
  while d <= max_depth do
    local iters = pow2(max_depth - d + min_depth)
    local c = 0
    for i = 1, iters do
      c = c + check(make(d))
    end
    print(string.format("%d trees of depth %d check: %d", iters, d, c))
    d = d + 2
  end
  print(string.format("long lived tree of depth %d check: %d", max_depth, check(long_lived)))
end

main(tonumber(arg[1]) or 15)
