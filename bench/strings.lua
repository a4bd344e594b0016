-- strings: build n strings tostring(i) into a table and concatenate them
-- (int->str conversion, small-string allocation, append, join).
-- Prints the joined length and the last piece.
local function main(n)
  local parts = {}
  for i = 0, n - 1 do
    parts[i + 1] = tostring(i)
  end
  local s = table.concat(parts)
  print(#s .. " " .. parts[n])
end

main(tonumber(arg[1]) or 1000000)
