#!/usr/bin/env bash
# Redraws the screenshots the READMEs show: runs the browser test of the desk (DeskBrowserIT), which saves each
# page it checks under system-tests/target/screenshots/, and copies those into docs/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf system-tests/target/screenshots
./test.sh -pl system-tests -am -Dtest=none -Dit.test=DeskBrowserIT -Dsurefire.failIfNoSpecifiedTests=false \
  -Dfailsafe.failIfNoSpecifiedTests=false
mkdir -p docs/screenshots
cp system-tests/target/screenshots/*.png docs/screenshots/
ls -1 docs/screenshots/
