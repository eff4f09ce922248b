// Package sms tells a sender, before sending, exactly what an SMS will cost
// and whether a Twilio create-message request is valid.
package sms
