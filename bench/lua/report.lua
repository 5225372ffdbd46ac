-- wrk's done() for bench/run and bench/load: one machine-readable line with what the benchmark
-- reports (wrk measures in microseconds; the line gives milliseconds):
--
--   BENCH requests=N duration_s=S rps=R p50_ms=A p95_ms=B p99_ms=C max_ms=D bytes_per_request=K
--         errors=E connect=. read=. write=. timeout=. status=. unexpected=. statuses=302:4,503:1
--
-- status counts answers >= 400 (wrk's "non-2xx or 3xx responses"). A script that keeps the
-- threads in "threads" and counts answers other than 200 in each thread's "unexpected" (as
-- traffic.lua does, with their statuses in "unexpected_statuses") has those counted as errors
-- instead, then errors = socket errors + unexpected; otherwise errors = socket errors + status.

function done(summary, latency, requests)
   local e = summary.errors
   local unexpected, statuses = 0, {}
   for _, thread in ipairs(threads or {}) do
      unexpected = unexpected + (thread:get("unexpected") or 0)
      local codes = thread:get("unexpected_statuses")
      if codes and codes ~= "" then table.insert(statuses, codes) end
   end
   local answers = e.status
   if rawget(_G, "response") then answers = unexpected end
   local errors = e.connect + e.read + e.write + e.timeout + answers
   local seconds = summary.duration / 1e6
   local rps, bytes = 0, 0
   if seconds > 0 then rps = summary.requests / seconds end
   if summary.requests > 0 then bytes = summary.bytes / summary.requests end
   io.write(string.format(
      "BENCH requests=%d duration_s=%.2f rps=%.1f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f max_ms=%.2f"
         .. " bytes_per_request=%d errors=%d connect=%d read=%d write=%d timeout=%d status=%d unexpected=%d"
         .. " statuses=%s\n",
      summary.requests, seconds, rps,
      latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
      latency.max / 1000, bytes,
      errors, e.connect, e.read, e.write, e.timeout, e.status, unexpected,
      #statuses > 0 and table.concat(statuses, ","):gsub(" ", ",") or "-"))
end
