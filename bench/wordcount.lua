-- A 3-stage pipeline over a text file, as coroutines: read lines -> split words ->
-- count. argv: MB (the file is /tmp/mt-bench-words-MB.txt, made by bench/make_words), or
-- a path as argv[2]. Prints lines, words, distinct words and the largest count.

local function reader(path)
  return coroutine.wrap(function()
    for line in io.lines(path, "L") do coroutine.yield(line) end
  end)
end

local function splitter(lines)
  return coroutine.wrap(function()
    for line in lines do
      local ws, n = {}, 0
      for w in line:gmatch("%S+") do n = n + 1; ws[n] = w end
      coroutine.yield(ws)
    end
  end)
end

local function count(word_lists)
  local counts, lines, words, distinct = {}, 0, 0, 0
  for ws in word_lists do
    lines = lines + 1
    words = words + #ws
    for i = 1, #ws do
      local w = ws[i]
      local c = counts[w]
      if c then counts[w] = c + 1 else counts[w] = 1; distinct = distinct + 1 end
    end
  end
  local most = 0
  for _, c in pairs(counts) do if c > most then most = c end end
  print(string.format("%d %d %d %d", lines, words, distinct, most))
end

local mb = arg[1] or "100"
count(splitter(reader(arg[2] or ("/tmp/mt-bench-words-" .. mb .. ".txt"))))
