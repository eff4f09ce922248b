package sms

import (
	"net/url"
	"strings"
	"testing"
	"time"
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
	b.Run("Ratio", func(b *testing.B) { benchRatio(b, Rules{}, m, form) })
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
	b.Run("Ratio", func(b *testing.B) { benchRatio(b, testRules, m, form) })
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

// benchRatio interleaves the baseline (form.Encode()) and ours (r.Form(m)
// then Encode) in batches of 64, so that the load of a shared machine
// weighs on both alike, and reports ours/baseline as "x-baseline".
func benchRatio(b *testing.B, r Rules, m CreateMessage, form url.Values) {
	var base, ours time.Duration
	for b.Loop() {
		t0 := time.Now()
		for range 64 {
			sinkString = form.Encode()
		}
		t1 := time.Now()
		for range 64 {
			f, _ := r.Form(m)
			sinkString = f.Encode()
		}
		t2 := time.Now()
		base += t1.Sub(t0)
		ours += t2.Sub(t1)
	}
	b.ReportMetric(float64(ours)/float64(base), "x-baseline")
}
