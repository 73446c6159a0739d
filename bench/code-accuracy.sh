#!/usr/bin/env bash
# The code-rule accuracy study of docs/code-accuracy.md: fetches a fixed list of popular jars (and
# their source jars, where the registry has them) at fixed versions, runs `resilint code --format
# json` on each jar alone, and writes the findings per jar, the counts per rule, and a random
# sample of findings to judge (fixed seed, spread over the rules).
#
#   bench/code-accuracy.sh                   # build the CLI jar, fetch, scan, count, sample
#   SKIP_BUILD=1 bench/code-accuracy.sh      # use the cli/target/resilint.jar already built
#   M2=/path/to/repo bench/code-accuracy.sh  # a Maven local repository of your own
#   JAR=/tmp/resilint.jar SKIP_BUILD=1 ...   # a copy of the CLI jar (a build running meanwhile rewrites cli/target)
#   SAMPLE=80 SEED=14 bench/code-accuracy.sh # sample size and seed (defaults: 80 and 14)
#
# Needs Java 17, Maven (the registry, for jars not yet in the local repository) and python3.
# Outside `mvn verify`: it is a study, not a test; nothing here asserts a number.
# Output in bench/target/code-accuracy/: jars/ (the jars), json/<jar>.json (the reports),
# counts.tsv (findings per jar and rule), findings.tsv (every finding), sample.tsv (the sample).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root="$(pwd)"
out="$root/bench/target/code-accuracy"
m2="${M2:-$HOME/.m2/repository}"
sample="${SAMPLE:-80}"
seed="${SEED:-14}"
mkdir -p "$out/jars" "$out/sources" "$out/json"

# group:artifact:version, one a line: HTTP clients, caches, retry libraries, the AWS SDK, Jetty,
# Netty, Spring, a connection pool, a ZooKeeper client, commons-io, a Lambda adapter (rounds 1-4);
# round 5 adds where the wave-2 rules can occur: Redis clients (Jedis, Lettuce, Spring Data Redis),
# AWS SDK service clients and the S3 transfer manager, and libraries that build thread pools
# (Kafka clients, Micrometer, Quartz, Dropwizard lifecycle, the Elasticsearch REST client);
# round 6 adds libraries that use the Redis clients and the SDK rather than define them, where CC02
# and CR02 can fire on real code: Spring Integration's Redis stores, Spring Session's Redis
# repositories, and the QLDB driver (builds its SDK client with retries off, retrying itself).
ARTIFACTS="
com.google.guava:guava:33.4.0-jre
com.github.ben-manes.caffeine:caffeine:3.1.8
org.apache.httpcomponents:httpclient:4.5.14
org.apache.httpcomponents:httpcore:4.4.16
org.apache.httpcomponents.client5:httpclient5:5.5.1
org.apache.httpcomponents.core5:httpcore5:5.3.6
org.apache.httpcomponents.core5:httpcore5-h2:5.3.6
com.squareup.okhttp3:okhttp:4.12.0
io.github.resilience4j:resilience4j-core:2.4.0
io.github.resilience4j:resilience4j-retry:2.4.0
org.springframework.retry:spring-retry:2.0.12
dev.failsafe:failsafe:3.3.2
org.eclipse.jetty:jetty-util:12.1.13
org.eclipse.jetty:jetty-io:12.1.13
org.eclipse.jetty:jetty-http:12.1.13
org.eclipse.jetty:jetty-server:12.1.13
io.netty:netty-common:4.1.118.Final
io.netty:netty-transport:4.1.138.Final
io.netty:netty-buffer:4.1.138.Final
org.springframework:spring-core:6.2.12
org.springframework:spring-beans:6.2.12
org.springframework:spring-web:6.2.12
software.amazon.awssdk:utils:2.40.2
software.amazon.awssdk:sdk-core:2.40.2
software.amazon.awssdk:aws-core:2.40.2
software.amazon.awssdk:regions:2.40.2
software.amazon.awssdk:auth:2.40.2
software.amazon.awssdk:apache-client:2.40.2
com.zaxxer:HikariCP:5.1.0
org.apache.curator:curator-client:5.7.1
commons-io:commons-io:2.17.0
org.springframework.cloud:spring-cloud-function-adapter-aws:4.1.4
redis.clients:jedis:8.0.2
io.lettuce:lettuce-core:7.7.0.RELEASE
org.springframework.data:spring-data-redis:4.1.2
software.amazon.awssdk:dynamodb:2.40.2
software.amazon.awssdk:sqs:2.40.2
software.amazon.awssdk:s3:2.40.2
software.amazon.awssdk:s3-transfer-manager:2.40.2
org.apache.kafka:kafka-clients:4.1.1
io.micrometer:micrometer-core:1.16.2
org.quartz-scheduler:quartz:2.5.2
io.dropwizard:dropwizard-lifecycle:4.0.16
org.elasticsearch.client:elasticsearch-rest-client:9.4.5
org.springframework.integration:spring-integration-redis:7.1.2
org.springframework.session:spring-session-data-redis:4.0.4
software.amazon.qldb:amazon-qldb-driver-java:2.3.1
"

if [ -z "${SKIP_BUILD:-}" ]; then
  echo "== build" >&2
  mvn -B -q -Dstyle.color=never -Dmaven.repo.local="$m2" -DskipTests -Dinvoker.skip=true \
      -Dresilint.skipFuzz=true -pl cli -am package >/dev/null
fi
jar="${JAR:-$root/cli/target/resilint.jar}"
[ -f "$jar" ] || { echo "code-accuracy: $jar not found (build the cli module first)" >&2; exit 2; }

echo "== fetch" >&2
# one throw-away POM that lists the jars, so that Maven resolves them all in one run
{
  echo '<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>'
  echo '<groupId>dev.resilint.bench</groupId><artifactId>code-accuracy</artifactId><version>1</version>'
  echo '<packaging>pom</packaging><dependencies>'
  for gav in $ARTIFACTS; do
    IFS=: read -r g a v <<<"$gav"
    echo "<dependency><groupId>$g</groupId><artifactId>$a</artifactId><version>$v</version></dependency>"
  done
  echo '</dependencies></project>'
} >"$out/pom.xml"
mvn -B -q -f "$out/pom.xml" -Dmaven.repo.local="$m2" dependency:copy-dependencies -DexcludeTransitive=true \
    -DoutputDirectory="$out/jars" >/dev/null
# sources are for the judging only: a jar without them is judged from its bytecode
mvn -B -q -f "$out/pom.xml" -Dmaven.repo.local="$m2" dependency:copy-dependencies -DexcludeTransitive=true \
    -Dclassifier=sources -Dmdep.failOnMissingClassifierArtifact=false -DoutputDirectory="$out/sources" \
    >/dev/null 2>&1 || echo "  some source jars are missing" >&2

echo "== scan" >&2
for gav in $ARTIFACTS; do
  IFS=: read -r g a v <<<"$gav"
  name="$a-$v"
  # exit code 1 means findings; anything above is a failure of the run
  set +e
  java -Xmx2g -jar "$jar" code --format json "$out/jars/$name.jar" >"$out/json/$name.json" 2>"$out/json/$name.err"
  rc=$?
  set -e
  if [ "$rc" -gt 1 ]; then
    echo "code-accuracy: resilint code failed on $name (exit $rc): $(head -3 "$out/json/$name.err")" >&2
    exit 3
  fi
  echo "  $name" >&2
done

echo "== count and sample" >&2
python3 - "$out" "$sample" "$seed" $ARTIFACTS <<'PY'
import json, os, random, sys
from collections import Counter, defaultdict
out, size, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
names = [gav.split(':')[1] + '-' + gav.split(':')[2] for gav in sys.argv[4:]]
rules = ['CC01', 'CC02', 'CL01', 'CL02', 'CR01', 'CR02', 'CT01', 'CT02', 'CT03']
rows, counts = [], {}
for name in names:
    with open(os.path.join(out, 'json', name + '.json')) as f:
        report = json.load(f)
    c = Counter()
    for finding in report.get('findings', []):
        loc = finding.get('location', {})
        rows.append((name, finding['ruleId'], loc.get('className', ''), loc.get('member', ''),
                     str(loc.get('line', 0)), finding.get('message', '').replace('\t', ' ')))
        c[finding['ruleId']] += 1
    counts[name] = c
rows.sort()
with open(os.path.join(out, 'counts.tsv'), 'w') as f:
    f.write('jar\t' + '\t'.join(rules) + '\ttotal\n')
    total = Counter()
    for name in names:
        total.update(counts[name])
        f.write(name + '\t' + '\t'.join(str(counts[name][r]) for r in rules) + '\t'
                + str(sum(counts[name].values())) + '\n')
    f.write('total\t' + '\t'.join(str(total[r]) for r in rules) + '\t' + str(sum(total.values())) + '\n')
with open(os.path.join(out, 'findings.tsv'), 'w') as f:
    f.write('jar\trule\tclass\tmember\tline\tmessage\n')
    for r in rows:
        f.write('\t'.join(r) + '\n')
# the sample: every finding of a rule with few findings, the rest drawn at random in proportion
by_rule = defaultdict(list)
for r in rows:
    by_rule[r[1]].append(r)
rng = random.Random(seed)
present = [r for r in rules if by_rule[r]]
share = max(1, size // max(1, len(present)))
chosen, spare = [], []
for rule in present:
    pool = list(by_rule[rule])
    rng.shuffle(pool)
    chosen += pool[:share]
    spare += pool[share:]
rng.shuffle(spare)
chosen += spare[:max(0, size - len(chosen))]
chosen.sort()
with open(os.path.join(out, 'sample.tsv'), 'w') as f:
    f.write('jar\trule\tclass\tmember\tline\tmessage\n')
    for r in chosen:
        f.write('\t'.join(r) + '\n')
print(open(os.path.join(out, 'counts.tsv')).read(), end='')
print('sample: %d findings (seed %d) in %s' % (len(chosen), seed, os.path.join(out, 'sample.tsv')))
PY
