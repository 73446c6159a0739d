#!/usr/bin/env bash
# Peak memory and time of `resilint code` on 28 real jars (about 42,000 classes) against a bare
# ArchUnit import of the same jars (bench/src/main/java/dev/resilint/bench/BareArchUnitImport.java,
# run as a source file), interleaved on the same machine. See docs/BENCHMARKS.md, section "Code
# rules: memory and time against a bare ArchUnit import".
#
#   bench/code-memory.sh                 # 3 runs of each (N=5 for more); M2=... for another repository
#   JAVA_OPTS="-Xmx2g" bench/code-memory.sh
#   RUNS=resilint N=1 RESILINT_JAR=/tmp/other/resilint.jar bench/code-memory.sh   # one side only
#
# Both run with the same JVM options (default: the JVM's defaults) and -Xlog:gc; for each run it
# records the wall time, the CPU time, the maximum resident set size (GNU time) and the peak heap
# in use (the largest "before" size of a collection in the GC log) and the largest heap a
# collection left (its "after" size: live data plus what that collection did not reach). Prints the
# median of each; the samples accumulate in bench/target/code-memory/samples until it is removed.
# Needs GNU time and the CLI jar (./resilint --version builds it).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
here="$(pwd)"
m2="${M2:-$HOME/.m2/repository}"
n="${N:-3}"
runs="${RUNS:-bare resilint}"
out="$here/bench/target/code-memory"
mkdir -p "$out"
read -r -a opts <<<"${JAVA_OPTS:-}"

# The 28 jars: the AWS SDK (core and eight service clients), Netty, Jetty, Spring, Apache
# HttpClient 5, Caffeine, Guava, resilience4j, Jackson, Lettuce, Jedis, Reactor. Fixed versions,
# so that the input does not change with what else the local repository holds.
jars=(
  software/amazon/awssdk/sdk-core/2.40.2/sdk-core-2.40.2.jar
  software/amazon/awssdk/dynamodb/2.40.2/dynamodb-2.40.2.jar
  software/amazon/awssdk/lambda/2.40.2/lambda-2.40.2.jar
  software/amazon/awssdk/rds/2.40.2/rds-2.40.2.jar
  software/amazon/awssdk/cloudfront/2.40.2/cloudfront-2.40.2.jar
  software/amazon/awssdk/ecs/2.40.2/ecs-2.40.2.jar
  software/amazon/awssdk/elasticache/2.40.2/elasticache-2.40.2.jar
  software/amazon/awssdk/autoscaling/2.40.2/autoscaling-2.40.2.jar
  software/amazon/awssdk/ec2/2.40.2/ec2-2.40.2.jar
  io/netty/netty-common/4.2.13.Final/netty-common-4.2.13.Final.jar
  io/netty/netty-transport/4.2.13.Final/netty-transport-4.2.13.Final.jar
  io/netty/netty-handler/4.2.13.Final/netty-handler-4.2.13.Final.jar
  io/netty/netty-codec-http/4.1.118.Final/netty-codec-http-4.1.118.Final.jar
  io/netty/netty-codec-http2/4.1.118.Final/netty-codec-http2-4.1.118.Final.jar
  org/eclipse/jetty/jetty-server/12.1.13/jetty-server-12.1.13.jar
  org/eclipse/jetty/jetty-util/12.1.13/jetty-util-12.1.13.jar
  org/springframework/spring-web/6.2.12/spring-web-6.2.12.jar
  org/springframework/spring-core/6.2.12/spring-core-6.2.12.jar
  org/springframework/spring-beans/6.2.12/spring-beans-6.2.12.jar
  org/apache/httpcomponents/client5/httpclient5/5.5.1/httpclient5-5.5.1.jar
  org/apache/httpcomponents/core5/httpcore5/5.3.6/httpcore5-5.3.6.jar
  com/github/ben-manes/caffeine/caffeine/3.2.2/caffeine-3.2.2.jar
  com/google/guava/guava/33.5.0-jre/guava-33.5.0-jre.jar
  io/github/resilience4j/resilience4j-retry/2.4.0/resilience4j-retry-2.4.0.jar
  com/fasterxml/jackson/core/jackson-databind/2.22.4/jackson-databind-2.22.4.jar
  io/lettuce/lettuce-core/7.7.0.RELEASE/lettuce-core-7.7.0.RELEASE.jar
  redis/clients/jedis/8.0.2/jedis-8.0.2.jar
  io/projectreactor/reactor-core/3.8.8/reactor-core-3.8.8.jar
)
paths=()
for j in "${jars[@]}"; do
  [ -f "$m2/$j" ] || { echo "code-memory: missing $m2/$j (fetch it, or set M2)" >&2; exit 2; }
  paths+=("$m2/$j")
done
archunit="$m2/com/tngtech/archunit/archunit/1.5.0/archunit-1.5.0.jar"
slf4j="$m2/org/slf4j/slf4j-api/2.0.17/slf4j-api-2.0.17.jar:$m2/org/slf4j/slf4j-nop/2.0.17/slf4j-nop-2.0.17.jar"
bare="$here/bench/src/main/java/dev/resilint/bench/BareArchUnitImport.java"
cli="${RESILINT_JAR:-$here/cli/target/resilint.jar}"
[ -f "$cli" ] || "$here/resilint" --version >/dev/null
# the bare import runs from a compiled class, as the CLI does, not through the source launcher
mkdir -p "$out/classes"
javac -d "$out/classes" -cp "$archunit" "$bare"

samples="$out/samples"
touch "$samples"
one() { # label command...
  local label="$1"
  shift
  /usr/bin/time -v -o "$out/time.txt" java "${opts[@]}" -Xlog:gc:file="$out/gc.log" "$@" >"$out/$label.out" 2>&1 \
    || true
  local wall rss cpu heap
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$out/time.txt")
  cpu=$(awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { print u + s }' "$out/time.txt")
  rss=$(awk -F': ' '/Maximum resident set size/ { print int($2 / 1024) }' "$out/time.txt")
  heap=$(grep -o '[0-9]*M->' "$out/gc.log" | sed 's/M->//' | sort -n | tail -1)
  after=$(grep -o -- '->[0-9]*M' "$out/gc.log" | tr -dc '0-9\n' | sort -n | tail -1)
  rm -f "$out"/gc.log*
  echo "$label $wall $cpu $rss ${heap:-0} ${after:-0}" >>"$samples"
}
for _ in $(seq "$n"); do
  case " $runs " in *" bare "*)
    one bare -cp "$out/classes:$archunit:$slf4j" dev.resilint.bench.BareArchUnitImport "${paths[@]}" ;;
  esac
  case " $runs " in *" resilint "*)
    one resilint -jar "$cli" code "${paths[@]}" --format json --output-file "$out/report.json" --fail-on none ;;
  esac
done
echo "bare: $(head -1 "$out/bare.out" 2>/dev/null); resilint: $(grep -o 'imported [0-9]* classes' "$out/report.json" 2>/dev/null | head -1 || true)"
awk '
  { n[$1]++; w[$1, n[$1]] = $2; c[$1, n[$1]] = $3; r[$1, n[$1]] = $4; h[$1, n[$1]] = $5; a[$1, n[$1]] = $6 }
  function median(a, k, m,   i, j, t, b) {
    for (i = 1; i <= m; i++) b[i] = a[k, i]
    for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (b[j] < b[i]) { t = b[i]; b[i] = b[j]; b[j] = t }
    return (m % 2) ? b[(m + 1) / 2] : (b[m / 2] + b[m / 2 + 1]) / 2
  }
  END {
    for (k in n) { W[k] = median(w, k, n[k]); C[k] = median(c, k, n[k]); R[k] = median(r, k, n[k]); H[k] = median(h, k, n[k])
      A[k] = median(a, k, n[k])
      printf "%-9s wall %6.2f s  cpu %6.2f s  max RSS %5d MB  peak heap %5d MB  after GC %5d MB  (n=%d)\n", k, W[k], C[k],
        R[k], H[k], A[k], n[k] }
    if (W["bare"] > 0 && R["bare"] > 0 && H["bare"] > 0 && A["bare"] > 0)
      printf "ratio     wall %.2fx  cpu %.2fx  max RSS %.2fx  peak heap %.2fx  after GC %.2fx\n", W["resilint"] / W["bare"],
        C["resilint"] / C["bare"], R["resilint"] / R["bare"], H["resilint"] / H["bare"], A["resilint"] / A["bare"]
  }' "$samples" | sort
