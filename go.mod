module github.com/smsgauge/sms

go 1.26.0

require (
	github.com/nyaruka/phonenumbers v1.8.1
	github.com/rivo/uniseg v0.4.7
	golang.org/x/text v0.44.0
)

require google.golang.org/protobuf v1.36.11 // indirect
