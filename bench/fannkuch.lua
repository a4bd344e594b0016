-- fannkuch: the benchmarks-game fannkuch-redux (integer array shuffling).
-- Prints the checksum and the maximum number of flips. Arrays are 1-based;
-- the permutation holds the values 0..n-1 as in the other versions.
local function fannkuch(n)
  local perm, perm1, count = {}, {}, {}
  for i = 1, n do
    perm[i] = 0
    perm1[i] = i - 1
    count[i] = 0
  end
  local maxflips, checksum, permcount = 0, 0, 0
  local r = n
  while true do
    while r ~= 1 do
      count[r] = r          -- count[r - 1] in 0-based terms
      r = r - 1
    end
    for i = 1, n do
      perm[i] = perm1[i]
    end
    local flips = 0
    local k = perm[1]
    while k ~= 0 do
      local i, j = 1, k + 1
      while i < j do
        local t = perm[i]
        perm[i] = perm[j]
        perm[j] = t
        i = i + 1
        j = j - 1
      end
      flips = flips + 1
      k = perm[1]
    end
    if flips > maxflips then maxflips = flips end
    if permcount % 2 == 0 then
      checksum = checksum + flips
    else
      checksum = checksum - flips
    end
    -- next permutation (in the order of the counting algorithm)
    local more = true
    while more do
      if r == n then return checksum, maxflips end
      local perm0 = perm1[1]
      for i = 1, r do
        perm1[i] = perm1[i + 1]
      end
      perm1[r + 1] = perm0
      count[r + 1] = count[r + 1] - 1
      if count[r + 1] > 0 then
        more = false
      else
        r = r + 1
      end
    end
    permcount = permcount + 1
  end
end

local n = tonumber(arg[1]) or 10
local checksum, maxflips = fannkuch(n)
print(checksum)
print(string.format("Pfannkuchen(%d) = %d", n, maxflips))
