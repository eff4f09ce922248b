module github.com/smsgauge/sms/conformance/twiliogo

go 1.26.0

require (
	github.com/smsgauge/sms v0.0.0-00010101000000-000000000000
	github.com/twilio/twilio-go v1.31.0
)

require (
	github.com/golang-jwt/jwt/v5 v5.2.2 // indirect
	github.com/golang/mock v1.6.0 // indirect
	github.com/pkg/errors v0.9.1 // indirect
	github.com/rivo/uniseg v0.4.7 // indirect
	golang.org/x/text v0.44.0 // indirect
)

replace github.com/smsgauge/sms => ../..
