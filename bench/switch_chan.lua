-- switch_chan: two coroutines ping-pong a value, n round trips. Lua has no
-- channels or scheduler, so the equivalent is two coroutines driven by a
-- small driver loop (the "scheduler") that resumes them in turn and carries
-- each yielded value to the other: two resume/yield pairs per round trip.
-- Prints the final value (n).
local create, resume, yield, status =
  coroutine.create, coroutine.resume, coroutine.yield, coroutine.status

local function main(n)
  local ping = create(function()
    local v = 0
    for i = 1, n do
      v = yield(v)          -- send v, receive the reply
    end
    return v
  end)
  local pong = create(function(v)
    while true do
      v = yield(v + 1)      -- reply to what was received, wait for the next
    end
  end)
  local _, v = resume(ping)
  while status(ping) ~= "dead" do
    _, v = resume(pong, v)
    _, v = resume(ping, v)
  end
  print(v)
end

main(tonumber(arg[1]) or 1000000)
