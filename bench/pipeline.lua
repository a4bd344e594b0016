-- pipeline: a source generator and 10 stage generators (coroutine.wrap),
-- each stage a plain loop over its input that yields v + 1; the main code is
-- the sink. n items flow through. Prints the sum the sink receives:
-- n*(n-1)/2 + 10*n.
local wrap, yield = coroutine.wrap, coroutine.yield

local function source(n)
  return wrap(function()
    for i = 0, n - 1 do
      yield(i)
    end
  end)
end

local function stage(inp)
  return wrap(function()
    for v in inp do
      yield(v + 1)
    end
  end)
end

local function main(n, stages)
  local p = source(n)
  for s = 1, stages do
    p = stage(p)
  end
  local total = 0
  for v in p do
    total = total + v
  end
  print(total)
end

main(tonumber(arg[1]) or 1000000, 10)
