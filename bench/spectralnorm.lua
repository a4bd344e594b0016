-- spectralnorm: the benchmarks-game spectral-norm (float loops, calls, table
-- indexing). Prints the norm times 1e9, rounded to an integer.
-- Arrays are 1-based; eval_a takes 1-based i, j and computes the same
-- integer denominator as the 0-based A(i-1, j-1) of the other versions.
--
-- Runs under Lua 5.4 and LuaJIT (Lua 5.1, no `//`): eval_a is compiled from the source
-- for the running Lua, so neither pays for a shim in the hot path. LuaJIT divides by 2
-- with `/`, exact here: the product of two consecutive ints is even, and small.
local eval_a = load(_VERSION == "Lua 5.1"
  and "return function(i, j) return 1.0 / ((i + j - 2) * (i + j - 1) / 2 + i) end"
  or "return function(i, j) return 1.0 / ((i + j - 2) * (i + j - 1) // 2 + i) end")()

local function mul_av(n, v, av)
  for i = 1, n do
    local s = 0.0
    for j = 1, n do
      s = s + eval_a(i, j) * v[j]
    end
    av[i] = s
  end
end

local function mul_atv(n, v, atv)
  for i = 1, n do
    local s = 0.0
    for j = 1, n do
      s = s + eval_a(j, i) * v[j]
    end
    atv[i] = s
  end
end

local function mul_atav(n, v, out, tmp)
  mul_av(n, v, tmp)
  mul_atv(n, tmp, out)
end

local function rnd9(x)
  local y = x * 1000000000.0
  if y < 0 then return -math.floor(-y + 0.5) end
  return math.floor(y + 0.5)
end

local function main(n)
  local u, v, tmp = {}, {}, {}
  for i = 1, n do
    u[i] = 1.0
    v[i] = 0.0
    tmp[i] = 0.0
  end
  for i = 1, 10 do
    mul_atav(n, u, v, tmp)
    mul_atav(n, v, u, tmp)
  end
  local vbv, vv = 0.0, 0.0
  for i = 1, n do
    vbv = vbv + u[i] * v[i]
    vv = vv + v[i] * v[i]
  end
  print(rnd9((vbv / vv) ^ 0.5))
end

main(tonumber(arg[1]) or 500)
