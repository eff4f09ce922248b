module github.com/smsgauge/sms

go 1.26.0

require github.com/rivo/uniseg v0.4.7
