#!/usr/bin/env bash
# Fuzzes every @FuzzTest with Jazzer, coverage-guided, each for its maxDuration (60 s), one after another:
#   scripts/fuzz.sh [MODULE:Class#method ...]      default: all of them
# Prints each run's coverage at the start and the end, and keeps what it found: the generated corpus and any
# finding go to the test's inputs directory (src/test/resources/<package>/<Class>Inputs/<method>/), which
# `./mvnw verify` runs as regression tests. Exits 1 when a run found a failure.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
pick_java

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(
    "claims-service:dev.claimdesk.claims.fuzz.ClaimExtractorFuzzTest#shouldExtractClaimsFromAnyTextWithoutFailing"
    "claims-service:dev.claimdesk.claims.fuzz.EventFuzzTest#shouldReadAnyBodyAsAnArticleIngestedOrRefuseIt"
    "claims-service:dev.claimdesk.claims.fuzz.EventFuzzTest#shouldReadAnyBodyAsAVerdictPublishedOrRefuseIt"
    "claims-service:dev.claimdesk.claims.fuzz.EventFuzzTest#shouldReadAnyBodyAsATaskUpdatedOrRefuseIt"
    "review-service:dev.claimdesk.review.fuzz.ClaimExtractedFuzzTest#shouldReadAnyBodyAsAClaimExtractedOrRefuseIt"
    "web-ui:dev.claimdesk.webui.fuzz.TaskUpdatedFuzzTest#shouldReadAnyBodyAsATaskUpdatedOrRefuseIt"
    "ingest-service:dev.claimdesk.ingest.fuzz.ArticleCleanerFuzzTest#shouldCleanAnyHtmlWithoutFailing"
    "ingest-service:dev.claimdesk.ingest.fuzz.ArticleCleanerFuzzTest#shouldCleanAnyTextWithoutFailing"
  )
fi

./mvnw -B -q install -DskipTests
mkdir -p target/fuzz
found=0
printf '| target | runs | coverage at start → end (edges) | corpus kept | findings |\n| --- | ---: | ---: | ---: | ---: |\n' > target/fuzz/summary.md
for target in "${targets[@]}"; do
  module=${target%%:*} test=${target#*:} class=${test%%#*} method=${test#*#}
  log="target/fuzz/${class##*.}-$method.log"
  inputs="$module/src/test/resources/$(echo "${class%.*}" | tr . /)/${class##*.}Inputs/$method"
  mkdir -p "$inputs"
  rm -rf "$module/.cifuzz-corpus/$class/$method"
  echo "== $module $class#$method"
  status=0
  # instrument the libraries the code under test hands its input to, so coverage guides the fuzzer through them too
  (cd "$module" && JAZZER_FUZZ=1 JAZZER_INSTRUMENTATION_INCLUDES='dev.claimdesk.**:com.fasterxml.jackson.**:org.jsoup.**' ../mvnw -B test -Dtest="$class#$method" -Dsurefire.failIfNoSpecifiedTests=false) > "$log" 2>&1 || status=$?
  start=$(grep -m1 -oE 'INITED cov: [0-9]+' "$log" | grep -oE '[0-9]+$' || echo '?')
  end=$(grep -E '^#[0-9]+' "$log" | tail -1 | grep -oE 'cov: [0-9]+' | grep -oE '[0-9]+$' || echo '?')
  runs=$(grep -E '^#[0-9]+' "$log" | tail -1 | grep -oE '^#[0-9]+' | tr -d '#' || echo '?')
  kept=0
  if [ -d "$module/.cifuzz-corpus/$class/$method" ]; then
    cp "$module/.cifuzz-corpus/$class/$method"/* "$inputs"/ 2>/dev/null || true
    kept=$(ls "$module/.cifuzz-corpus/$class/$method" | wc -l)
  fi
  findings=0
  for crash in "$module"/crash-* "$module"/timeout-* "$module"/slow-unit-*; do
    [ -e "$crash" ] || continue
    mv "$crash" "$inputs/"
    findings=$((findings + 1))
  done
  [ "$status" -eq 0 ] || [ "$findings" -gt 0 ] || findings="run failed (see $log)"
  echo "   runs $runs, coverage $start → $end edges, corpus $kept, findings $findings"
  printf '| %s#%s | %s | %s → %s | %s | %s |\n' "${class##*.}" "$method" "$runs" "$start" "$end" "$kept" "$findings" >> target/fuzz/summary.md
  [ "$findings" = 0 ] || found=1
done
cat target/fuzz/summary.md
exit "$found"
