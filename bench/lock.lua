-- wrk script: Lock then RefreshLock, in passes over the paths listed in the file given after "--"
-- (one document per line), or over wrk's own path when none is given.
local paths = {}
local i = -1

function init(args)
  if args[1] then
    for line in io.lines(args[1]) do paths[#paths + 1] = line end
  end
  if #paths == 0 then paths[1] = wrk.path end
end

function request()
  i = i + 1
  local op = (math.floor(i / #paths) % 2 == 0) and "LOCK" or "REFRESH_LOCK"
  return wrk.format("POST", paths[(i % #paths) + 1], {["X-WOPI-Override"] = op, ["X-WOPI-Lock"] = "bench-lock"}, "")
end
