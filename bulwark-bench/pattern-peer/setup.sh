#!/usr/bin/env bash
# Sets up the reference STIX pattern matcher OUTSIDE the project, as the peer the Bulwark patterning
# engine is checked and benchmarked against (issue 17). Never used at build or test time: its outputs
# are recorded once into test resources by the record_*.py scripts beside this file.
#
#   bulwark-bench/pattern-peer/setup.sh [PEER_DIR]      (default /work/peer)
#
# Needs: Debian's python3-antlr4 (4.9), python3-dateutil, python3-deepmerge, python3-six
#   (apt-get update && apt-get install -y python3-antlr4 python3-dateutil python3-deepmerge python3-six)
# and git checkouts (or the .library mirrors) of
#   oasis-open/cti-pattern-validator at tag v2.0.0 (stix2-patterns, the last release generated for ANTLR 4.9)
#   oasis-open/cti-pattern-matcher   at 73c1cb9 (v3.0.0)
# Run the peer with /usr/bin/python3 (Debian's interpreter, where the apt packages live) and
#   PYTHONPATH=$PEER_DIR/stix2-patterns:$PEER_DIR/cti-pattern-matcher
set -euo pipefail
PEER=${1:-/work/peer}
VALIDATOR_GIT=${VALIDATOR_GIT:-/work/.mirror/oasis-open+cti-pattern-validator/repo}
MATCHER_GIT=${MATCHER_GIT:-/work/.mirror/oasis-open+cti-pattern-matcher/repo}
mkdir -p "$PEER/stix2-patterns" "$PEER/cti-pattern-matcher"
git --git-dir="$VALIDATOR_GIT" archive v2.0.0 | tar -x -C "$PEER/stix2-patterns"
git --git-dir="$MATCHER_GIT" archive 73c1cb9 | tar -x -C "$PEER/cti-pattern-matcher"
PYTHONPATH="$PEER/stix2-patterns:$PEER/cti-pattern-matcher" /usr/bin/python3 -c \
  'from stix2matcher.matcher import match; print("reference matcher ready")'
