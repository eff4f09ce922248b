package sms

import (
	"net/url"
	"strings"
	"testing"
)

var (
	sinkString string
	sinkValues url.Values
	sinkErr    error
)

// typicalMessage is the benchmark's typical request: To, From, a Body of
// 160 GSM-7 characters and a StatusCallback.
func typicalMessage() CreateMessage {
	return CreateMessage{
		To:             "+14155552671",
		From:           "+14155550100",
		Body:           strings.Repeat("Your code is 123456. ", 8)[:160],
		StatusCallback: "https://hooks.example.com/sms/status",
	}
}

// BenchmarkTypical160 compares Form().Encode() (validate, build, encode)
// with the baseline of the issue: a bare url.Values.Encode() of the same
// form, in the same run.
func BenchmarkTypical160(b *testing.B) {
	m := typicalMessage()
	form, err := m.Form()
	if err != nil {
		b.Fatal(err)
	}
	size := int64(len(form.Encode()))
	b.Run("Baseline/EncodeOnly", func(b *testing.B) {
		b.SetBytes(size)
		b.ReportAllocs()
		for b.Loop() {
			sinkString = form.Encode()
		}
	})
	b.Run("ValidateFormEncode", func(b *testing.B) {
		b.SetBytes(size)
		b.ReportAllocs()
		for b.Loop() {
			f, err := m.Form()
			if err != nil {
				b.Fatal(err)
			}
			sinkString = f.Encode()
		}
	})
	b.Run("Validate", func(b *testing.B) {
		b.SetBytes(size)
		b.ReportAllocs()
		for b.Loop() {
			sinkErr = m.Validate()
		}
	})
	b.Run("Form", func(b *testing.B) {
		b.SetBytes(size)
		b.ReportAllocs()
		for b.Loop() {
			sinkValues, sinkErr = m.Form()
		}
	})
}

// BenchmarkFull covers every parameter set.
func BenchmarkFull(b *testing.B) {
	m := fullMessage()
	form, err := testRules.Form(m)
	if err != nil {
		b.Fatal(err)
	}
	size := int64(len(form.Encode()))
	b.Run("Baseline/EncodeOnly", func(b *testing.B) {
		b.SetBytes(size)
		b.ReportAllocs()
		for b.Loop() {
			sinkString = form.Encode()
		}
	})
	b.Run("ValidateFormEncode", func(b *testing.B) {
		b.SetBytes(size)
		b.ReportAllocs()
		for b.Loop() {
			f, err := testRules.Form(m)
			if err != nil {
				b.Fatal(err)
			}
			sinkString = f.Encode()
		}
	})
}

// BenchmarkInvalid100KB is the cost of rejecting a 100 KB body.
func BenchmarkInvalid100KB(b *testing.B) {
	m := typicalMessage()
	m.Body = strings.Repeat("x", 100<<10)
	b.SetBytes(int64(len(m.Body)))
	b.ReportAllocs()
	for b.Loop() {
		sinkErr = m.Validate()
	}
}
