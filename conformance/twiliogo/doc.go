// Package twiliogo checks that smsgauge's request builders produce the same
// bytes as Twilio's official Go helper library, github.com/twilio/twilio-go.
// It is a module of its own so that the smsgauge library never depends on
// twilio-go. Run its tests with:
//
//	cd conformance/twiliogo && go test ./...
package twiliogo
