-- wrk script for bench/run: at the end of a run, one machine-readable line with what the
-- benchmark reports. wrk measures latency in microseconds; the line gives milliseconds.
-- errors = socket errors (connect, read, write, timeout) + responses with a status >= 400
-- (wrk's "non-2xx or 3xx responses").
--
--   BENCH requests=N duration_s=S rps=R p50_ms=A p95_ms=B p99_ms=C max_ms=D bytes_per_request=K
--         errors=E connect=. read=. write=. timeout=. status=.
--
-- No request() or response() function here, so wrk sends its one request as fast as it can.

function done(summary, latency, requests)
   local e = summary.errors
   local errors = e.connect + e.read + e.write + e.timeout + e.status
   local seconds = summary.duration / 1e6
   local rps = 0
   local bytes = 0
   if seconds > 0 then rps = summary.requests / seconds end
   if summary.requests > 0 then bytes = summary.bytes / summary.requests end
   io.write(string.format(
      "BENCH requests=%d duration_s=%.2f rps=%.1f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f max_ms=%.2f"
         .. " bytes_per_request=%d errors=%d connect=%d read=%d write=%d timeout=%d status=%d\n",
      summary.requests, seconds, rps,
      latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
      latency.max / 1000, bytes,
      errors, e.connect, e.read, e.write, e.timeout, e.status))
end
