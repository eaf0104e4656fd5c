#!/usr/bin/env bash
# Load test of the scoring API: `predictor serve` with the default model on 127.0.0.1, CLIENTS concurrent clients for
# SECONDS seconds (after a warm-up) sending one paragraph per request, then the same with 100 paragraphs per request.
# Usage: bench/load.sh [CLIENTS] [SECONDS]   (defaults 64 30; LOAD_WARMUP=5 warm-up seconds, LOAD_MODEL=models/default.zip)
# Prints each scenario's figures and the server's memory (VmRSS/VmHWM sampled every second) and writes bench/LOAD.md.
# Loopback only, and bounded: every step has a time limit and the server is stopped however the script ends.
# Nothing here runs in CI. Exit status 1 when a request failed, memory grew or the server did not stop cleanly.
set -euo pipefail
cd "$(dirname "$0")/.."
clients=${1:-64}; seconds=${2:-30}
warmup=${LOAD_WARMUP:-5}; model=${LOAD_MODEL:-models/default.zip}
request_timeout=60
[[ $clients =~ ^[1-9][0-9]*$ && $seconds =~ ^[1-9][0-9]*$ && $warmup =~ ^[0-9]+$ ]] || { echo "usage: bench/load.sh [CLIENTS] [SECONDS]" >&2; exit 2; }
out=bench/out/load
mkdir -p "$out"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "== build (Release)" >&2
timeout 900 dotnet build src/Classifier.Predictor -c Release -o "$out/predictor" >"$out/build.log" 2>&1 || { tail -20 "$out/build.log" >&2; exit 1; }
timeout 600 dotnet build bench/Classifier.LoadTest -c Release -o "$out/loadtest" >>"$out/build.log" 2>&1 || { tail -20 "$out/build.log" >&2; exit 1; }

server=; sampler=
cleanup() {
  [ -n "$sampler" ] && kill "$sampler" 2>/dev/null || true
  if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then
    kill -TERM "$server" 2>/dev/null || true
    for _ in $(seq 20); do kill -0 "$server" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$server" 2>/dev/null || true
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Loopback, a free port: the address comes from the server's own "serving" line.
"$out/predictor/predictor" serve --model "$model" --host 127.0.0.1 --port 0 2>"$out/server.log" &
server=$!
url=
for _ in $(seq 120); do
  url=$(sed -n 's/^predictor: serving \(http:\/\/[^ ]*\) .*/\1/p' "$out/server.log")
  [ -n "$url" ] && break
  kill -0 "$server" 2>/dev/null || { cat "$out/server.log" >&2; exit 1; }
  sleep 0.5
done
[ -n "$url" ] || { echo "the server did not start within 60 s" >&2; cat "$out/server.log" >&2; exit 1; }
[[ $url == http://127.0.0.1:* ]] || { echo "the server is not on loopback: $url" >&2; exit 1; }
echo "== server $url (pid $server)" >&2

# /proc figures in kB and in clock ticks, read with builtins so sampling forks nothing but sleep.
mem() { local k v rss=0 hwm=0 threads=0; while read -r k v _; do case $k in VmRSS:) rss=$v ;; VmHWM:) hwm=$v ;; Threads:) threads=$v ;; esac; done < "/proc/$server/status"; echo "$rss $hwm $threads"; }
server_cpu() { local f; read -ra f 2>/dev/null < "/proc/$server/stat" || { echo 0; return 0; }; echo $(( f[13] + f[14] )); }
children_cpu() { local f; read -ra f < "/proc/$$/stat"; echo $(( f[15] + f[16] )); }
machine_cpu() { local c u n s i w q sq st; read -r c u n s i w q sq st _ < /proc/stat; echo "$(( u + n + s + q + sq + st )) $(( u + n + s + i + w + q + sq + st ))"; }
mb() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }
pct() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f", (b > 0 ? 100 * a / b : 0) }'; }

sleep 2
read -r idle_rss _ < <(mem)
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
rows="$out/rows.md"; : > "$rows"
memory_lines=(); cpu_lines=(); status=0

for texts in 1 100; do
  name="$texts paragraphs"; [ "$texts" = 1 ] && name="1 paragraph"
  samples="$out/memory-$texts.txt"; : > "$samples"
  (
    t0=$EPOCHREALTIME
    while kill -0 "$server" 2>/dev/null; do
      echo "$(awk -v a="$EPOCHREALTIME" -v b="$t0" 'BEGIN { printf "%.0f", a - b }') $(mem)" >> "$samples"
      sleep 1
    done
  ) &
  sampler=$!
  read -r busy0 total0 < <(machine_cpu); server0=$(server_cpu); gen0=$(children_cpu)
  echo "== $name per request: $clients clients, ${warmup} s warm-up + ${seconds} s" >&2
  rc=0
  timeout $(( warmup + seconds + request_timeout + 30 )) "$out/loadtest/loadtest" --url "$url" --clients "$clients" --seconds "$seconds" \
    --warmup "$warmup" --texts "$texts" --seeds seeds --request-timeout "$request_timeout" --markdown-row "$rows" || rc=$?
  read -r busy1 total1 < <(machine_cpu); server1=$(server_cpu); gen1=$(children_cpu)
  sleep 1; kill "$sampler" 2>/dev/null || true; wait "$sampler" 2>/dev/null || true; sampler=
  if [ "$rc" = 124 ]; then echo "| $name | $clients | stopped by the time limit | | | | | | | | |" >> "$rows"; fi
  [ "$rc" = 0 ] || status=1

  # Memory: before the scenario, halfway through the measured seconds, the last sample, the highest, and the kernel's
  # high-water mark. Flat means the second half added at most 10 %: the heap and thread pool settle in the first
  # seconds under a new load, while a leak grows with every request and so shows in the second half as in the first.
  start_rss=$(awk 'NR == 1 { print $2 }' "$samples"); end_rss=$(awk 'END { print $2 }' "$samples"); end_hwm=$(awk 'END { print $3 }' "$samples")
  mid_rss=$(awk -v m=$(( warmup + seconds / 2 )) '$1 >= m { print $2; exit }' "$samples"); mid_rss=${mid_rss:-$start_rss}
  peak_rss=$(awk 'BEGIN { m = 0 } $2 > m { m = $2 } END { print m }' "$samples")
  threads=$(awk 'BEGIN { m = 0 } $4 > m { m = $4 } END { print m }' "$samples")
  series=$(awk 'NR % 5 == 1 { printf "%s%.0f", (n++ ? " " : ""), $2 / 1024 }' "$samples")
  verdict=$(awk -v e="$end_rss" -v m="$mid_rss" 'BEGIN { print (e <= 1.10 * m ? "flat" : "GREW") }')
  [ "$verdict" = flat ] || status=1
  memory_lines+=("| $name | $(mb "$start_rss") | $(mb "$mid_rss") | $(mb "$end_rss") | $(mb "$peak_rss") | $(mb "$end_hwm") | $threads | $verdict | $series |")
  echo "   server RSS MB: start $(mb "$start_rss"), halfway $(mb "$mid_rss"), end $(mb "$end_rss"), peak $(mb "$peak_rss"), VmHWM $(mb "$end_hwm"), threads up to $threads ($verdict)" >&2

  # CPU over the scenario, as shares of the whole machine: the server, the generator, and everything else (other people's jobs).
  busy=$(( busy1 - busy0 )); total=$(( total1 - total0 )); srv=$(( server1 > server0 ? server1 - server0 : 0 )); gen=$(( gen1 - gen0 ))
  other=$(( busy - srv - gen )); [ "$other" -lt 0 ] && other=0
  cpu_lines+=("| $name | $(pct "$srv" "$total") % | $(pct "$gen" "$total") % | $(pct "$other" "$total") % | $(pct $(( total - busy )) "$total") % |")
  echo "   CPU: server $(pct "$srv" "$total") %, generator $(pct "$gen" "$total") %, others $(pct "$other" "$total") %, idle $(pct $(( total - busy )) "$total") %" >&2
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# SIGTERM, as a container runtime stops it: the server should finish in-flight work and exit 130 within seconds.
stop_rc=
if ! kill -TERM "$server" 2>/dev/null; then wait "$server" || stop_rc=$?; stop="had already exited (exit ${stop_rc:-0}) before SIGTERM"; stop_rc=died
else
  for _ in $(seq 20); do kill -0 "$server" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "$server" 2>/dev/null; then kill -KILL "$server"; stop="did not stop within 10 s of SIGTERM (killed)"; status=1
  else wait "$server" || stop_rc=$?; stop="stopped on SIGTERM with exit ${stop_rc:-0}"; fi
fi
[ "${stop_rc:-0}" = 130 ] || status=1
server=
echo "== server $stop" >&2

cpu_model=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)
mem_total=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
{
  echo "# Load test of the scoring API"
  echo
  echo "\`bench/load.sh\` starts \`predictor serve\` (Release build, default model, 127.0.0.1, a free port), runs"
  echo "\`bench/Classifier.LoadTest\` against \`POST /v1/predict\` — closed-loop clients, each sending its next request when"
  echo "the previous response has been read to the end — first with one seed paragraph per request (\`text\`), then with"
  echo "100 (\`texts\`), and samples the server's VmRSS and VmHWM from \`/proc\` every second. Warm-up requests are left out"
  echo "of the figures (their errors are not). An error is any response but a 200 carrying one article per text sent, a"
  echo "timeout (${request_timeout} s) or a connection fault. Nothing here runs in CI."
  echo
  echo "## $(date -u '+%Y-%m-%d %H:%M UTC'): $clients clients, $seconds s per scenario"
  echo
  echo "- Command: \`bench/load.sh $clients $seconds\` (warm-up ${warmup} s, model \`$model\`, commit $(git rev-parse --short HEAD))"
  echo "- Machine: $cpu_model, $(nproc) cores (nproc), $mem_total; .NET SDK $(dotnet --version)"
  echo "- Load average (1/5/15 min) before: $load_before; after: $load_after"
  echo "- The generator runs on the same cores as the server, and these cores are shared with other people's jobs (see"
  echo "  the CPU table): requests/s are lower bounds and latencies upper bounds of what the server does on a machine of its own."
  echo
  "$out/loadtest/loadtest" --markdown-header
  cat "$rows"
  echo
  echo "Server memory in MB (VmRSS sampled every second from the start of the warm-up; \"halfway\" is the sample halfway"
  echo "through the measured seconds; flat = the end at most 10 % above halfway, since the heap and thread pool settle in"
  echo "the first seconds of a new load while a leak keeps growing; VmHWM is the kernel's high-water mark since the server"
  echo "started, i.e. its peak memory so far; the series is every 5th sample). Idle with the model loaded: $(mb "$idle_rss") MB."
  echo
  echo "| request | start | halfway | end | peak RSS | VmHWM | threads (max) | memory | RSS every 5 s |"
  echo "|---|--:|--:|--:|--:|--:|--:|---|---|"
  printf '%s\n' "${memory_lines[@]}"
  echo
  echo "CPU during each scenario, as shares of all $(nproc) cores (from \`/proc/stat\` and the processes' own times):"
  echo
  echo "| request | server | generator | other processes | idle |"
  echo "|---|--:|--:|--:|--:|"
  printf '%s\n' "${cpu_lines[@]}"
  echo
  echo "The server $stop."
} > bench/LOAD.md

# RESULTS.md belongs to bench/run.sh; it gets one line pointing here, once.
if [ -f bench/RESULTS.md ] && ! grep -q 'LOAD\.md' bench/RESULTS.md; then
  printf '\nLoad test of the scoring API (`predictor serve`, `bench/load.sh`): [LOAD.md](LOAD.md).\n' >> bench/RESULTS.md
fi
cat bench/LOAD.md
exit "$status"
