// Package e2e holds the end-to-end test of the web composer: it builds the
// WebAssembly modules, serves web/ as "smsgauge serve" does, drives Debian's
// Chromium headless through chromedp, asserts what the page shows, measures
// input-to-counter latency against Twilio's own calculator loaded into the
// same page, and saves a screenshot under test-output/.
//
// It is a module of its own, github.com/smsgauge/sms/internal/e2e (with
// "replace github.com/smsgauge/sms => ../.."), so that chromedp and cdproto
// are not requirements of the library: a program importing
// github.com/smsgauge/sms never sees them in its module graph. The root's
// "go test ./..." does not include it; run it from this directory with
// "go test ./..." (.ci/run adds GOFLAGS=-mod=mod, as for
// conformance/twiliogo).
//
// Chromium is found as $CHROMIUM, chromium, chromium-browser or
// google-chrome on PATH. The peer calculator comes from "npm ci" in
// testdata/peer. When CI=true, a missing Chromium or peer fails the test
// instead of skipping it.
package e2e
