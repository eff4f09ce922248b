package sms

// RCSSegmentBytes is the size of one billed RCS segment in the US: 160 bytes
// of UTF-8.
const RCSSegmentBytes = 160

// RCSSegments estimates how many segments an RCS message with this body is
// billed as in the US, as Twilio's calculator does: one per 160 bytes of
// UTF-8, rounded up, and 0 for the empty body. Encodings and grapheme
// clusters play no part; invalid bytes count as they stand.
func RCSSegments(body string) int {
	return (len(body) + RCSSegmentBytes - 1) / RCSSegmentBytes
}
