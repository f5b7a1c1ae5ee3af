#!/usr/bin/env bash
# Referral intake benchmark against a running referral-service (./clinic up -d):
# posts N distinct referrals with C concurrent clients, prints throughput and p50/p95/p99 latency.
# Usage: bench/referral-intake.sh [requests] [concurrency]   (defaults 2000 and 16)
# All requests come from one partner, so start the stack with that partner's rate limit out of the way:
#   CLINIC_INTAKE_RATE_LIMIT_REQUESTS=1000000 ./clinic up -d
set -euo pipefail
cd "$(dirname "$0")/.."
requests=${1:-2000}
concurrency=${2:-16}
url=${REFERRAL_URL:-http://localhost:8081}
token=$(./clinic token partner --partner "bench-$(date +%s)" --ttl 1)
exec java bench/ReferralIntakeBench.java "$url" "$token" "$requests" "$concurrency"
