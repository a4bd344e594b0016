-- spawn: n coroutines suspended at once, then all resumed to completion.
-- Each is started (runs up to its yield, where it waits for a value), then
-- each is resumed once with 1 and returns 1 + i. Prints the sum:
-- n + n*(n-1)/2.
local create, resume, yield = coroutine.create, coroutine.resume, coroutine.yield

local function worker(i)
  local v = yield()
  return v + i
end

local function main(n)
  local cos = {}
  for i = 1, n do
    local co = create(worker)
    resume(co, i - 1)
    cos[i] = co
  end
  local s = 0
  for i = 1, n do
    local _, r = resume(cos[i], 1)
    s = s + r
  end
  print(s)
end

main(tonumber(arg[1]) or 1000000)
