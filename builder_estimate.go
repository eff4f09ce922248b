//go:build !smsgauge_core

package sms

// bodyWarnings returns the warnings that need the body's analysis. It is
// filled in once the core (Analyze) and smart encoding (Suggest) are merged.
func (m CreateMessage) bodyWarnings() []Warning { return nil }
